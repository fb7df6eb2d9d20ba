package dev.waymark.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with its usual command line, then prints each figure beside its limit from the same run.
 *
 * <p>Convention: in one benchmark class, a method {@code foo} is measured against its peer or limit
 * {@code foo_limit}. The summary prints both scores and {@code foo / foo_limit}: for throughput, the share of the
 * limit reached; for time modes, how many times slower than the limit.
 */
public final class BenchmarkMain {

    static final String LIMIT_SUFFIX = "_limit";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.exit(2);
            return;
        }
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(summary(results));
    }

    static String summary(Collection<RunResult> results) {
        Map<String, Result<?>> byName = new TreeMap<>();
        Map<String, String> modes = new TreeMap<>();
        for (RunResult run : results) {
            String name = run.getParams().getBenchmark() + paramsLabel(run);
            byName.put(name, run.getPrimaryResult());
            modes.put(name, run.getParams().getMode().shortLabel());
        }
        StringBuilder out = new StringBuilder("Figures beside their limits (same run)\n");
        out.append(String.format(Locale.ROOT, "%-62s %4s %16s %16s %9s%n",
                "benchmark", "mode", "figure", "limit", "ratio"));
        for (Map.Entry<String, Result<?>> entry : byName.entrySet()) {
            String name = entry.getKey();
            if (isLimit(name)) {
                continue;
            }
            Result<?> subject = entry.getValue();
            Result<?> limit = byName.get(limitNameOf(name));
            out.append(String.format(Locale.ROOT, "%-62s %4s %16s %16s %9s%n",
                    shortName(name), modes.get(name), format(subject),
                    limit == null ? "-" : format(limit),
                    limit == null ? "-" : String.format(Locale.ROOT, "%.3g", subject.getScore() / limit.getScore())));
        }
        return out.toString();
    }

    private static String paramsLabel(RunResult run) {
        StringBuilder label = new StringBuilder();
        for (String key : run.getParams().getParamsKeys()) {
            label.append(label.length() == 0 ? " [" : ", ").append(key).append('=')
                    .append(run.getParams().getParam(key));
        }
        return label.length() == 0 ? "" : label.append(']').toString();
    }

    private static boolean isLimit(String name) {
        return methodOf(name).endsWith(LIMIT_SUFFIX);
    }

    private static String limitNameOf(String name) {
        int paramsAt = name.indexOf(" [");
        String bare = paramsAt < 0 ? name : name.substring(0, paramsAt);
        String params = paramsAt < 0 ? "" : name.substring(paramsAt);
        return bare + LIMIT_SUFFIX + params;
    }

    private static String methodOf(String name) {
        int paramsAt = name.indexOf(" [");
        return paramsAt < 0 ? name : name.substring(0, paramsAt);
    }

    private static String shortName(String name) {
        String prefix = "dev.waymark.benchmarks.";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private static String format(Result<?> result) {
        return String.format(Locale.ROOT, "%.1f %s", result.getScore(), result.getScoreUnit());
    }
}
