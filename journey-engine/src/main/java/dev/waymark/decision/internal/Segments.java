package dev.waymark.decision.internal;

import dev.waymark.decision.DecisionRequest;
import java.util.List;
import java.util.Map;

/** The learning segment of a request: the configured facts' values joined by '|', '*' for a missing fact. */
public final class Segments {

    private Segments() {
    }

    public static String of(DecisionRequest request, List<String> facts) {
        if (facts.isEmpty()) {
            return "*";
        }
        StringBuilder segment = new StringBuilder();
        for (String fact : facts) {
            if (segment.length() > 0) {
                segment.append('|');
            }
            segment.append(value(request, fact));
        }
        return segment.toString();
    }

    private static String value(DecisionRequest request, String fact) {
        if (fact.equals("channel")) {
            return request.channel().wireName();
        }
        int dot = fact.indexOf('.');
        String key = fact.substring(dot + 1);
        Map<String, Object> source = switch (fact.substring(0, dot)) {
            case "journey" -> request.journey();
            case "context" -> request.context();
            case "event" -> request.event();
            default -> request.profile().orElse(Map.of());
        };
        Object value = source.get(key);
        return value == null ? "*" : String.valueOf(value);
    }
}
