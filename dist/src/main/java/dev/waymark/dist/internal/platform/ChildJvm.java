package dev.waymark.dist.internal.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One role of the platform in its own JVM: {@code java <options> -cp <classpath> dev.waymark.dist.Waymark <args>},
 * output appended to a log file. The child stops by itself when this JVM ends ({@value #PARENT_VARIABLE}), so a
 * killed demo leaves no broker behind.
 */
public final class ChildJvm {

    /** Set in a child's environment to this JVM's pid; {@code Waymark.main} exits when that process ends. */
    public static final String PARENT_VARIABLE = "WM_PARENT_PID";

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path directory;
    private final Path log;
    private Process process;

    ChildJvm(String name, Launch launch, List<String> options, List<String> args, Map<String, String> environment,
             Path directory, Path log) {
        this.name = name;
        List<String> all = new ArrayList<>();
        all.add(launch.java());
        all.addAll(options);
        all.addAll(launch.options());
        all.addAll(List.of("-cp", launch.classpath(), "dev.waymark.dist.Waymark"));
        all.addAll(args);
        this.command = List.copyOf(all);
        this.environment = Map.copyOf(environment);
        this.directory = directory;
        this.log = log;
    }

    /** Starts the process (again, after {@link #kill()} or {@link #stop}). */
    synchronized void start() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        builder.environment().put(PARENT_VARIABLE, String.valueOf(ProcessHandle.current().pid()));
        process = builder.start();
    }

    /** SIGKILL, and waits until the process is gone. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Asks the process to stop (SIGTERM: a clean stop), without waiting. */
    synchronized void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Waits up to {@code grace} for the process to end after {@link #requestStop()}, then kills it. */
    synchronized void awaitStop(Duration grace) throws InterruptedException {
        if (process != null && !process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Fails with the log's last lines when the process has ended. */
    synchronized void checkAlive() throws IOException {
        if (process != null && !process.isAlive()) {
            throw new IOException(name + " exited with code " + process.exitValue() + "; last lines of " + log
                    + ":\n" + tail(log, 15));
        }
    }

    synchronized ProcessHandle handle() {
        return process.toHandle();
    }

    Path log() {
        return log;
    }

    static String tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return "(no log)";
        }
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * How a child JVM is launched.
     *
     * @param java      the java executable
     * @param classpath the classpath holding {@code dev.waymark.dist.Waymark} and everything it needs
     * @param options   JVM options added to each role's own
     */
    public record Launch(String java, String classpath, List<String> options) {

        public Launch {
            options = List.copyOf(options);
        }

        /** This JVM's java executable and classpath (the waymark jar when run from it). */
        public static Launch ofThisJvm() {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // Absolute: each child runs in its own folder, so a relative jar path would name nothing there.
            String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(entry -> Path.of(entry).toAbsolutePath().toString())
                    .collect(Collectors.joining(File.pathSeparator));
            return new Launch(java, classpath, List.of());
        }

        /** This JVM's java executable with another classpath, e.g. the packaged jar. */
        public Launch withClasspath(String path) {
            return new Launch(java, path, options);
        }
    }
}
