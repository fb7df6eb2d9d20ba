package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What this profile (or kiosk session) was shown or sent recently. The host keeps at least the longest cap period
 * and cooldown; older contacts are harmless but cost time.
 */
public record ContactHistory(List<Contact> contacts) {

    private static final ContactHistory EMPTY = new ContactHistory(List.of());

    public ContactHistory {
        contacts = List.copyOf(Objects.requireNonNull(contacts, "contacts"));
    }

    /** No contacts. */
    public static ContactHistory empty() {
        return EMPTY;
    }

    /** A history of these contacts. */
    public static ContactHistory of(List<Contact> contacts) {
        return new ContactHistory(contacts);
    }

    /** This history plus {@code more}. */
    public ContactHistory with(List<Contact> more) {
        List<Contact> all = new ArrayList<>(contacts.size() + more.size());
        all.addAll(contacts);
        all.addAll(more);
        return new ContactHistory(all);
    }

    /** Contacts on {@code channel} in {@code category} after {@code since} and at or before {@code now}. */
    public int count(Channel channel, ActionCategory category, Instant since, Instant now) {
        int n = 0;
        for (Contact contact : contacts) {
            if (contact.channel() == channel && contact.category() == category
                    && contact.at().isAfter(since) && !contact.at().isAfter(now)) {
                n++;
            }
        }
        return n;
    }

    /** The latest contact with {@code actionId}, if any. */
    public Optional<Instant> lastContact(String actionId) {
        Instant last = null;
        for (Contact contact : contacts) {
            if (contact.actionId().equals(actionId) && (last == null || contact.at().isAfter(last))) {
                last = contact.at();
            }
        }
        return Optional.ofNullable(last);
    }
}
