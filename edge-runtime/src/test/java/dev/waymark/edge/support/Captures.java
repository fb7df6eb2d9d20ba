package dev.waymark.edge.support;

/** Capture JSON as the kiosk UI sends it. */
public final class Captures {

    private Captures() {
    }

    public static String cartAdd(String sku) {
        return """
                {"type":"wm.kiosk.cart_add","data":{"sku":"%s","category":"shoes","quantity":1,"unitPrice":4999,\
                "currency":"EUR"}}""".formatted(sku);
    }

    /** A purchase of {@code lines} lines whose SKUs are each {@code skuLength} characters: valid field by field. */
    public static String purchase(int lines, int skuLength) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            items.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(String.valueOf((char) ('A' + i % 26))
                    .repeat(skuLength)).append("\",\"quantity\":1,\"unitPrice\":4999}");
        }
        return "{\"type\":\"wm.kiosk.purchase\",\"data\":{\"orderId\":\"ORD-1\",\"total\":" + 4999L * lines
                + ",\"currency\":\"EUR\",\"items\":[" + items + "]}}";
    }

    public static String productView(String sku) {
        return """
                {"type":"wm.kiosk.product_view","data":{"sku":"%s","category":"shoes","price":4999,"currency":"EUR"}}"""
                .formatted(sku);
    }

    public static String loyaltyScan(String loyaltyId) {
        return """
                {"type":"wm.kiosk.loyalty_scan","data":{"loyaltyId":"%s"}}""".formatted(loyaltyId);
    }

    public static String feedback(String comment) {
        return """
                {"type":"wm.kiosk.feedback","data":{"rating":4,"comment":"%s"}}""".formatted(comment);
    }

    public static String consent(String purpose, String state) {
        return """
                {"type":"wm.kiosk.consent_update","data":{"purpose":"%s","channel":"kiosk","state":"%s"}}"""
                .formatted(purpose, state);
    }

    public static String sessionEnd() {
        return """
                {"type":"wm.kiosk.session_end","data":{}}""";
    }
}
