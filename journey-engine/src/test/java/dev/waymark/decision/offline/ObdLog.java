package dev.waymark.decision.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads an Open Bandit Dataset sample file ({@code obd/<policy>/<campaign>/<campaign>.csv}) in time order. */
final class ObdLog {

    private ObdLog() {
    }

    /** One campaign under one logging policy. */
    record Campaign(List<LoggedEvent> events, int items) {
    }

    static Campaign read(Path datasets, String policy, String campaign) throws IOException {
        Path folder = datasets.resolve("open_bandit_dataset_sample").resolve(policy).resolve(campaign);
        List<String[]> rows = new ArrayList<>();
        List<String> header;
        try (BufferedReader reader = Files.newBufferedReader(folder.resolve(campaign + ".csv"),
                StandardCharsets.UTF_8)) {
            header = Arrays.asList(reader.readLine().split(","));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(",", 8));
            }
        }
        int time = header.indexOf("timestamp");
        int item = header.indexOf("item_id");
        int position = header.indexOf("position");
        int click = header.indexOf("click");
        int propensity = header.indexOf("propensity_score");
        rows.sort(Comparator.comparing(row -> row[time]));
        List<LoggedEvent> events = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            events.add(new LoggedEvent("pos" + row[position], Integer.parseInt(row[item]),
                    row[click].equals("1"), Double.parseDouble(row[propensity])));
        }
        long itemRows;
        try (var lines = Files.lines(folder.resolve("item_context.csv"))) {
            itemRows = lines.count() - 1;
        }
        return new Campaign(events, (int) itemRows);
    }

    /**
     * The shared datasets folder: {@code WM_DATASETS} (system property, then environment), else the first
     * {@code shared/datasets} found walking up from the working directory.
     */
    static Optional<Path> datasets() {
        String configured = Optional.ofNullable(System.getProperty("WM_DATASETS")).orElse(System.getenv(
                "WM_DATASETS"));
        if (configured != null) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
