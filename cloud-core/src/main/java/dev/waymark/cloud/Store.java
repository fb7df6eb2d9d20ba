package dev.waymark.cloud;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The cloud's durable state, behind one seam so scale-out can swap SQLite for PostgreSQL (DESIGN.md section 3).
 * Work is plain JDBC on a {@link Connection} and never runs on an event loop: writes go through one writer that
 * batches concurrent work into a single transaction (each piece in its own savepoint, so one failure does not undo
 * the others), reads run on a small pool of reading connections. SQL written for it must run on both SQLite and
 * PostgreSQL ({@code INSERT ... ON CONFLICT}, {@code BIGINT} epoch milliseconds, {@code TEXT}, no JSON functions).
 */
public interface Store extends AutoCloseable {

    /** A piece of JDBC work. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The SQL engine behind the store. */
    enum Dialect { SQLITE, POSTGRESQL }

    /**
     * Runs {@code work} in the writer's transaction; the future completes after the commit (so the change is
     * durable), or fails with the work's exception, in which case nothing of that work was kept.
     */
    <T> Future<T> write(Work<T> work);

    /** Runs {@code work} on a reading connection, off the event loop; it sees every committed write. */
    <T> Future<T> read(Work<T> work);

    /** The engine, for the rare statement that must differ. */
    Dialect dialect();

    /** Stops accepting work, finishes what was queued and closes the connections. */
    @Override
    void close();
}
