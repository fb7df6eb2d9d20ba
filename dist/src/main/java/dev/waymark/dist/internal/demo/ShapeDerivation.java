package dev.waymark.dist.internal.demo;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Measures {@link ShopperShapes} on the OTTO sample; each step is described in docs/demo-data.md. */
final class ShapeDerivation {

    static final String SESSIONS_FILE = "train_first20_sessions.jsonl";
    static final String SOURCE_FILE = "SOURCE.txt";
    private static final long VISIT_SPLIT_MILLIS = ShopperShapes.VISIT_SPLIT_MINUTES * 60_000L;
    private static final String LICENSE = "CC BY 4.0";
    private static final String DERIVATION = "ShopperShapes.derive: a session's events in time order; the order rows "
            + "of one checkout (same timestamp) count as one order event; a gap over "
            + ShopperShapes.VISIT_SPLIT_MINUTES + " minutes starts a new visit; clicks are views; shares rounded to "
            + "4 decimals; gaps are those between consecutive events of a visit, as 5th percentiles (nearest rank)";

    /** One event of a session: a click (view), a cart add, or one checkout's order of one or more items. */
    private record Step(String type, long at, List<Long> items) {

        boolean is(String kind) {
            return type.equals(kind);
        }

        long item() {
            return items.get(0);
        }
    }

    private ShapeDerivation() {
    }

    static ShopperShapes derive(Path dir) {
        List<List<Step>> sessions = readSessions(dir.resolve(SESSIONS_FILE));
        List<List<Step>> visits = new ArrayList<>();
        sessions.forEach(session -> visits.addAll(visits(session)));
        List<Integer> eventsPerVisit = new ArrayList<>();
        List<Integer> cartsPerCartVisit = new ArrayList<>();
        List<Integer> viewsBeforeCart = new ArrayList<>();
        List<Integer> viewsAfterLastCart = new ArrayList<>();
        List<Integer> viewsPerBrowseVisit = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        int orderingCartVisits = 0;
        int cartAdds = 0;
        int cartsOfViewed = 0;
        int views = 0;
        int repeatViews = 0;
        for (List<Step> visit : visits) {
            eventsPerVisit.add(visit.size());
            for (int i = 1; i < visit.size(); i++) {
                gaps.add(visit.get(i).at() - visit.get(i - 1).at());
            }
            int lastCart = -1;
            int viewsSince = 0;
            Set<Long> viewed = new HashSet<>();
            for (int i = 0; i < visit.size(); i++) {
                Step step = visit.get(i);
                if (step.is("clicks")) {
                    views++;
                    repeatViews += viewed.add(step.item()) ? 0 : 1;
                    viewsSince++;
                } else if (step.is("carts")) {
                    cartAdds++;
                    cartsOfViewed += viewed.contains(step.item()) ? 1 : 0;
                    viewsBeforeCart.add(viewsSince);
                    viewsSince = 0;
                    lastCart = i;
                } else {
                    viewsSince = 0;
                }
            }
            List<Step> afterLastCart = visit.subList(lastCart + 1, visit.size());
            int viewsAfter = (int) afterLastCart.stream().filter(s -> s.is("clicks")).count();
            if (lastCart < 0) {
                viewsPerBrowseVisit.add(viewsAfter);
            } else {
                cartsPerCartVisit.add((int) visit.stream().filter(s -> s.is("carts")).count());
                viewsAfterLastCart.add(viewsAfter);
                orderingCartVisits += afterLastCart.stream().anyMatch(s -> s.is("orders")) ? 1 : 0;
            }
        }
        int events = sessions.stream().mapToInt(s -> s.stream().mapToInt(step -> step.items().size()).sum()).sum();
        return new ShopperShapes(source(dir.resolve(SOURCE_FILE), sessions.size(), events), visits.size(),
                Histogram.of(eventsPerVisit), share(cartsPerCartVisit.size(), visits.size()),
                Histogram.of(cartsPerCartVisit), Histogram.of(viewsBeforeCart), Histogram.of(viewsAfterLastCart),
                Histogram.of(viewsPerBrowseVisit), share(orderingCartVisits, cartsPerCartVisit.size()),
                share(cartsOrderedLater(sessions), cartAdds), share(cartsOfViewed, cartAdds),
                share(repeatViews, views), GapQuantiles.of(gaps));
    }

    private static List<List<Step>> visits(List<Step> session) {
        List<List<Step>> visits = new ArrayList<>();
        List<Step> current = new ArrayList<>();
        for (Step step : session) {
            if (!current.isEmpty() && step.at() - current.get(current.size() - 1).at() > VISIT_SPLIT_MILLIS) {
                visits.add(current);
                current = new ArrayList<>();
            }
            current.add(step);
        }
        if (!current.isEmpty()) {
            visits.add(current);
        }
        return visits;
    }

    private static int cartsOrderedLater(List<List<Step>> sessions) {
        int ordered = 0;
        for (List<Step> session : sessions) {
            for (int i = 0; i < session.size(); i++) {
                Step step = session.get(i);
                if (step.is("carts") && session.subList(i + 1, session.size()).stream()
                        .anyMatch(later -> later.is("orders") && later.items().contains(step.item()))) {
                    ordered++;
                }
            }
        }
        return ordered;
    }

    private static List<List<Step>> readSessions(Path file) {
        List<List<Step>> sessions = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines(file)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                sessions.add(steps(new JsonObject(line).getJsonArray("events")));
            } catch (DecodeException | ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": not an OTTO session: "
                        + e.getMessage(), e);
            }
        }
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException(file + ": holds no sessions");
        }
        return sessions;
    }

    private static List<Step> steps(JsonArray events) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonObject event = events.getJsonObject(i);
            String type = event.getString("type");
            if (!Set.of("clicks", "carts", "orders").contains(type)) {
                throw new IllegalArgumentException("events[" + i + "].type: unknown " + type);
            }
            long at = event.getLong("ts");
            long item = event.getLong("aid");
            Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (type.equals("orders") && last != null && last.is("orders") && last.at() == at) {
                last.items().add(item);
            } else {
                steps.add(new Step(type, at, new ArrayList<>(List.of(item))));
            }
        }
        return steps;
    }

    private static ShopperShapes.DatasetSource source(Path file, int sessions, int events) {
        String repository = field(file, "Repository:");
        String commit = field(file, "Commit:").split("\\s+")[0];
        if (!field(file, "License:").contains(LICENSE)) {
            throw new IllegalArgumentException(file + ": License: expected the dataset under " + LICENSE);
        }
        String dataset = "OTTO recsys-dataset, " + sessions + " sessions of the training data (otto_session_sample/"
                + SESSIONS_FILE + ")";
        String license = LICENSE + " (https://creativecommons.org/licenses/by/4.0/)";
        String attribution = "OTTO Recommender Systems Dataset by OTTO (otto-de), " + repository;
        return new ShopperShapes.DatasetSource(dataset, repository, commit, license, attribution, DERIVATION, sessions,
                events);
    }

    private static String field(Path file, String label) {
        return lines(file).stream().filter(line -> line.startsWith(label)).findFirst()
                .map(line -> line.substring(label.length()).trim())
                .orElseThrow(() -> new IllegalArgumentException(file + ": has no line '" + label + "'"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
