package dev.waymark.journey.internal;

import dev.waymark.journey.SessionFeatures;
import dev.waymark.journey.VisitorType;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns sessions into the numeric vectors the logistic model sees. Counts, durations and page values are
 * log1p-transformed because they are heavily right-skewed (product seconds run from 0 to over 60,000);
 * categorical columns are one-hot. Standardisation happens later, in {@link LogisticFit}.
 */
public final class FeatureVectors {

    private static final int OPERATING_SYSTEMS = 8;
    private static final int BROWSERS = 13;
    private static final int REGIONS = 9;
    private static final int TRAFFIC_TYPES = 20;

    private FeatureVectors() {
    }

    /** Names of the session vector's entries, in order; the shipped model JSON stores them to check the layout. */
    public static List<String> sessionNames() {
        List<String> names = new ArrayList<>(List.of("log1p(administrativePages)", "log1p(administrativeSeconds)",
                "log1p(informationalPages)", "log1p(informationalSeconds)", "log1p(productPages)",
                "log1p(productSeconds)", "bounceRate", "exitRate", "weekend"));
        for (Month m : Month.values()) {
            names.add("month=" + m);
        }
        for (VisitorType v : VisitorType.values()) {
            names.add("visitorType=" + v);
        }
        return List.copyOf(names);
    }

    /** The vector of features a kiosk or web session has (no page values). */
    public static double[] session(SessionFeatures s) {
        double[] v = new double[9 + 12 + VisitorType.values().length];
        v[0] = Math.log1p(s.administrativePages());
        v[1] = Math.log1p(s.administrativeSeconds());
        v[2] = Math.log1p(s.informationalPages());
        v[3] = Math.log1p(s.informationalSeconds());
        v[4] = Math.log1p(s.productPages());
        v[5] = Math.log1p(s.productSeconds());
        v[6] = s.bounceRate();
        v[7] = s.exitRate();
        v[8] = s.weekend() ? 1 : 0;
        v[9 + s.month().ordinal()] = 1;
        v[21 + s.visitorType().ordinal()] = 1;
        return v;
    }

    /**
     * All 17 UCI features: the session vector plus special-day closeness, one-hot operating system, browser,
     * region and traffic type, and log1p page value when {@code withPageValues}.
     */
    public static double[] all(UciRow row, boolean withPageValues) {
        double[] session = session(row.session());
        int extra = 1 + OPERATING_SYSTEMS + BROWSERS + REGIONS + TRAFFIC_TYPES + (withPageValues ? 1 : 0);
        double[] v = new double[session.length + extra];
        System.arraycopy(session, 0, v, 0, session.length);
        int at = session.length;
        v[at++] = row.specialDay();
        at = oneHot(v, at, row.operatingSystem(), OPERATING_SYSTEMS);
        at = oneHot(v, at, row.browser(), BROWSERS);
        at = oneHot(v, at, row.region(), REGIONS);
        at = oneHot(v, at, row.trafficType(), TRAFFIC_TYPES);
        if (withPageValues) {
            v[at] = Math.log1p(row.pageValues());
        }
        return v;
    }

    /** Sets the slot of a 1-based code; codes outside 1..size leave every slot 0. */
    private static int oneHot(double[] v, int at, int code, int size) {
        if (code >= 1 && code <= size) {
            v[at + code - 1] = 1;
        }
        return at + size;
    }
}
