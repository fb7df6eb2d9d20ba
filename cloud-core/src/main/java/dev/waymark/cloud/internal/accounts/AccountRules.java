package dev.waymark.cloud.internal.accounts;

import dev.waymark.protocol.Topics;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The rules on account input; each check throws {@link AccountRefused#invalid} naming the field. */
public final class AccountRules {

    /** Shortest password: NIST SP 800-63B allows 8; we ask 12 because console users hold real power. */
    public static final int MIN_PASSWORD_CHARS = 12;
    /** Longest password: generous for pass phrases, bounded so nobody hashes megabytes. */
    public static final int MAX_PASSWORD_CHARS = 256;
    /** Most stores one user or key may be limited to. */
    public static final int MAX_STORES = 1000;
    /** Longest key label. */
    public static final int MAX_LABEL_CHARS = 100;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N} ._:/()-]*");

    private AccountRules() {
    }

    /** A user name: 2 to 64 of lower-case ASCII letters, digits, '.', '_', '-', starting with a letter or digit. */
    public static String userName(String name) {
        if (name == null || name.isEmpty()) {
            throw AccountRefused.invalid("name", "is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw AccountRefused.invalid("name", "must be 2 to 64 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        return name;
    }

    /** A new password: {@value #MIN_PASSWORD_CHARS} to {@value #MAX_PASSWORD_CHARS} characters. */
    public static String password(String password) {
        if (password == null || password.isEmpty()) {
            throw AccountRefused.invalid("password", "is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_CHARS || length > MAX_PASSWORD_CHARS) {
            throw AccountRefused.invalid("password", "must be " + MIN_PASSWORD_CHARS + " to " + MAX_PASSWORD_CHARS
                    + " characters");
        }
        return password;
    }

    /** Store ids as topic segments (ASCII letters, digits, '.', '_', '-'), without duplicates, sorted. */
    public static Set<String> stores(Collection<String> stores) {
        if (stores.size() > MAX_STORES) {
            throw AccountRefused.invalid("stores", "at most " + MAX_STORES + " stores");
        }
        Set<String> valid = new TreeSet<>();
        int i = 0;
        for (String store : stores) {
            try {
                valid.add(Topics.requireSegment("store id", store));
            } catch (IllegalArgumentException e) {
                throw AccountRefused.invalid("stores[" + i + "]", e.getMessage());
            }
            i++;
        }
        return valid;
    }

    /** The stores a user of {@code role} is limited to: required for store-scoped roles, refused for the others. */
    public static Set<String> storesFor(Role role, Collection<String> stores) {
        Set<String> valid = stores(stores);
        if (role.storeScoped() && valid.isEmpty()) {
            throw AccountRefused.invalid("stores", "a " + role.wireName() + " needs at least one store");
        }
        if (!role.storeScoped() && !valid.isEmpty()) {
            throw AccountRefused.invalid("stores", "a " + role.wireName() + " sees every store; give no stores");
        }
        return valid;
    }

    /** A key label: up to {@value #MAX_LABEL_CHARS} letters, digits, spaces and {@code ._:/()-}. */
    public static String label(String label) {
        if (label == null || label.isBlank()) {
            throw AccountRefused.invalid("label", "is required");
        }
        if (label.length() > MAX_LABEL_CHARS || !LABEL.matcher(label).matches()) {
            throw AccountRefused.invalid("label", "must be up to " + MAX_LABEL_CHARS
                    + " letters, digits, spaces or ._:/()-");
        }
        return label;
    }
}
