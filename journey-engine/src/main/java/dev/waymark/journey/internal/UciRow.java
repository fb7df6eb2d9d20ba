package dev.waymark.journey.internal;

import dev.waymark.journey.SessionFeatures;
import dev.waymark.journey.VisitorType;
import java.time.Month;
import java.util.Locale;

/**
 * One session of the UCI Online Shoppers Purchasing Intention data (Sakar et al. 2019), all 17 features and
 * the {@code Revenue} label.
 */
public record UciRow(SessionFeatures session, double pageValues, double specialDay, int operatingSystem,
        int browser, int region, int trafficType, boolean revenue) {

    /** Column order of the published CSV header. */
    static final String HEADER = "Administrative,Administrative_Duration,Informational,Informational_Duration,"
            + "ProductRelated,ProductRelated_Duration,BounceRates,ExitRates,PageValues,SpecialDay,Month,"
            + "OperatingSystems,Browser,Region,TrafficType,VisitorType,Weekend,Revenue";

    /** Parses one data line; the message of the exception names the column. */
    static UciRow parse(String line) {
        String[] c = line.split(",", -1);
        if (c.length != 18) {
            throw new IllegalArgumentException("expected 18 columns, found " + c.length);
        }
        SessionFeatures session = new SessionFeatures(integer(c[0], "Administrative"),
                number(c[1], "Administrative_Duration"), integer(c[2], "Informational"),
                number(c[3], "Informational_Duration"), integer(c[4], "ProductRelated"),
                number(c[5], "ProductRelated_Duration"), number(c[6], "BounceRates"), number(c[7], "ExitRates"),
                bool(c[16], "Weekend"), month(c[10]), visitor(c[15]));
        return new UciRow(session, number(c[8], "PageValues"), number(c[9], "SpecialDay"),
                integer(c[11], "OperatingSystems"), integer(c[12], "Browser"), integer(c[13], "Region"),
                integer(c[14], "TrafficType"), bool(c[17], "Revenue"));
    }

    private static double number(String s, String column) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": not a number '" + s + "'");
        }
    }

    private static int integer(String s, String column) {
        double d = number(s, column);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException(column + ": not an integer '" + s + "'");
        }
        return (int) d;
    }

    private static boolean bool(String s, String column) {
        if (s.equals("TRUE")) {
            return true;
        }
        if (s.equals("FALSE")) {
            return false;
        }
        throw new IllegalArgumentException(column + ": expected TRUE or FALSE, found '" + s + "'");
    }

    private static Month month(String s) {
        for (Month m : Month.values()) {
            // The file spells June in full and every other month in three letters.
            if (s.length() >= 3 && m.name().startsWith(s.toUpperCase(Locale.ROOT).substring(0, 3))) {
                return m;
            }
        }
        throw new IllegalArgumentException("Month: unknown month '" + s + "'");
    }

    private static VisitorType visitor(String s) {
        switch (s) {
            case "New_Visitor":
                return VisitorType.NEW;
            case "Returning_Visitor":
                return VisitorType.RETURNING;
            case "Other":
                return VisitorType.OTHER;
            default:
                throw new IllegalArgumentException("VisitorType: unknown visitor type '" + s + "'");
        }
    }
}
