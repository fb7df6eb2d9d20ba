package dev.waymark.cloud.internal.http;

/**
 * Turns a JSON pointer into the field names the API's errors use: {@code /identifiers/0/namespace} (or
 * {@code #/identifiers/0/namespace}) becomes {@code identifiers[0].namespace}; the whole document is {@code body}.
 */
final class FieldPath {

    /** The name of the whole request body. */
    static final String BODY = "body";

    private FieldPath() {
    }

    /** The dotted name of {@code pointer}; {@value #BODY} for the root or an absent pointer. */
    static String of(String pointer) {
        if (pointer == null) {
            return BODY;
        }
        String rest = pointer.startsWith("#") ? pointer.substring(1) : pointer;
        if (rest.isEmpty() || rest.equals("/")) {
            return BODY;
        }
        String field = BODY;
        for (String token : rest.substring(rest.startsWith("/") ? 1 : 0).split("/", -1)) {
            field = child(field, token.replace("~1", "/").replace("~0", "~"));
        }
        return field;
    }

    /** {@code name} inside {@code parent}: an index in brackets, a property after a dot. */
    static String child(String parent, String name) {
        boolean index = !name.isEmpty() && name.chars().allMatch(Character::isDigit);
        if (BODY.equals(parent)) {
            return index ? BODY + "[" + name + "]" : name;
        }
        return index ? parent + "[" + name + "]" : parent + "." + name;
    }
}
