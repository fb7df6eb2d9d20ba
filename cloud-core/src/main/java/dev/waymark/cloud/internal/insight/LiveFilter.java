package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.http.Caller;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** Which live items one client receives: its store and kind filters, within the stores its caller may see. */
record LiveFilter(Optional<String> store, Optional<String> kind, Caller caller) {

    /** True when {@code item} passes; an item without a store passes only for a caller of every store. */
    boolean accepts(JsonObject item) {
        Object itemStore = item.getValue("store");
        Object itemKind = item.getValue("kind");
        if (!(itemStore instanceof String s) || !caller.mayAccessStore(s)) {
            return itemStore == null && store.isEmpty() && caller.allStores() && kindMatches(itemKind);
        }
        return store.map(s::equals).orElse(true) && kindMatches(itemKind);
    }

    private boolean kindMatches(Object itemKind) {
        return kind.isEmpty() || kind.get().equals(itemKind);
    }
}
