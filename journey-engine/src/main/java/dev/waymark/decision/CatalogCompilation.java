package dev.waymark.decision;

import java.util.List;

/** The result of {@link ActionCatalog#compile}: a catalog, or every error found (never a partial catalog). */
public sealed interface CatalogCompilation {

    /** The catalog, or {@link IllegalStateException} listing the errors; for callers that cannot recover. */
    ActionCatalog orElseThrow();

    /** Every action compiled. */
    record Compiled(ActionCatalog catalog) implements CatalogCompilation {
        @Override
        public ActionCatalog orElseThrow() {
            return catalog;
        }
    }

    /** At least one action was refused; {@code errors} holds all of them, in catalog order. */
    record Rejected(List<CatalogError> errors) implements CatalogCompilation {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("errors: a rejection needs at least one error");
            }
        }

        @Override
        public ActionCatalog orElseThrow() {
            throw new IllegalStateException("catalog rejected: " + errors);
        }
    }
}
