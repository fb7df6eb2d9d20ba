package dev.waymark.edge.internal;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's single writer: one thread takes every pending append and delete, applies them in one transaction
 * and commits once (group commit), then completes their futures in order. Appends enforce the disk quota with the
 * overflow policy of {@link Priority}. A bounded number of events may wait; beyond it {@link #append} refuses.
 */
final class OutboxWriter implements AutoCloseable {

    /** Outcome of an append. */
    enum Appended { STORED, OVER_QUOTA }

    private static final System.Logger LOG = System.getLogger(OutboxWriter.class.getName());
    private static final int MAX_TASKS_PER_COMMIT = 2048;
    private static final String DROPPED = "dropped";
    /** The meta key of the next sequence number: rows are deleted once delivered, the numbering must go on. */
    static final String NEXT_SEQUENCE = "next_sequence";

    private final OutboxStore store;
    private final long quotaBytes;
    private final int maxPendingEvents;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final AtomicLong pendingEvents = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long bytes;
    private volatile long count;
    private volatile long dropped;
    private volatile boolean overQuota;
    private long nextSequence;

    OutboxWriter(OutboxStore store, long quotaBytes, int maxPendingEvents) throws SQLException {
        this.store = store;
        this.quotaBytes = quotaBytes;
        this.maxPendingEvents = maxPendingEvents;
        this.bytes = store.totalBytes();
        this.count = store.count();
        this.dropped = store.meta(DROPPED).map(Long::parseLong).orElse(0L);
        this.nextSequence = Math.max(store.maxSequence() + 1,
                store.meta(NEXT_SEQUENCE).map(Long::parseLong).orElse(0L));
        this.thread = new Thread(this::run, "edge-outbox-writer");
        this.thread.start();
    }

    /** Queues rows for the next commit; empty when too many events already wait (the caller reports BUSY). */
    Optional<CompletableFuture<Appended>> append(List<OutboxRow> rows) {
        if (pendingEvents.addAndGet(rows.size()) > maxPendingEvents) {
            pendingEvents.addAndGet(-rows.size());
            return Optional.empty();
        }
        Append task = new Append(rows, new CompletableFuture<>());
        queue.add(task);
        return Optional.of(task.done);
    }

    /** Deletes acknowledged rows {@code from..to} in the next commit. */
    CompletableFuture<Void> delete(long from, long to) {
        return submit(s -> {
            long freed = s.delete(from, to);
            if (freed > 0) {
                bytes -= freed;
                count = s.count();
            }
        });
    }

    /** Writes a meta value in the next commit. */
    CompletableFuture<Void> putMeta(String key, String value) {
        return submit(s -> s.putMeta(key, value));
    }

    /** Records a contact of an offline decision in the next commit. */
    CompletableFuture<Void> addContact(String actionId, String channel, String category, long atMillis) {
        return submit(s -> s.addContact(actionId, channel, category, atMillis));
    }

    long bytes() {
        return bytes;
    }

    /** The first sequence number not yet used by a stored row, as kept across restarts. */
    long nextSequence() {
        return nextSequence;
    }

    long count() {
        return count;
    }

    long dropped() {
        return dropped;
    }

    boolean overQuota() {
        return overQuota;
    }

    private CompletableFuture<Void> submit(Work work) {
        Plain task = new Plain(work, new CompletableFuture<>());
        queue.add(task);
        return task.done;
    }

    private void run() {
        List<Task> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Task first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_TASKS_PER_COMMIT - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Task> batch) {
        long droppedBefore = dropped;
        long sequenceBefore = nextSequence;
        boolean deletes = false;
        try {
            for (Task task : batch) {
                task.apply();
                deletes |= task instanceof Plain;
            }
            if (dropped != droppedBefore) {
                store.putMeta(DROPPED, Long.toString(dropped));
            }
            // Only a delete can remove the newest row, so the next sequence is written in the commits that delete;
            // otherwise MAX(seq) + 1 in the outbox already says it, and each capture commit writes one page less.
            if (deletes) {
                store.putMeta(NEXT_SEQUENCE, Long.toString(nextSequence));
            }
            store.commit();
            for (Task task : batch) {
                task.succeed();
            }
        } catch (SQLException | RuntimeException e) {
            store.rollback();
            LOG.log(Level.ERROR, "outbox commit of " + batch.size() + " tasks failed: " + e.getMessage());
            dropped = droppedBefore;
            nextSequence = sequenceBefore;
            try {
                bytes = store.totalBytes();
                count = store.count();
            } catch (SQLException again) {
                LOG.log(Level.ERROR, "cannot re-read the outbox size: " + again.getMessage());
            }
            for (Task task : batch) {
                task.fail(e);
            }
        }
    }

    private Appended insert(List<OutboxRow> rows) throws SQLException {
        long size = 0;
        boolean keepOnly = true;
        for (OutboxRow row : rows) {
            size += row.body().length;
            keepOnly &= !row.priority().droppable();
        }
        if (!makeRoom(size) && !keepOnly) {
            overQuota = true;
            return Appended.OVER_QUOTA;
        }
        for (OutboxRow row : rows) {
            store.insert(row);
            nextSequence = Math.max(nextSequence, row.sequence() + 1);
        }
        bytes += size;
        count += rows.size();
        return Appended.STORED;
    }

    /** Drops the lowest-priority oldest rows until {@code size} more bytes fit; false when they cannot. */
    private boolean makeRoom(long size) throws SQLException {
        if (bytes + size <= quotaBytes) {
            overQuota = false;
            return true;
        }
        overQuota = true;
        while (bytes + size > quotaBytes) {
            List<long[]> victims = store.droppable(256);
            if (victims.isEmpty()) {
                return false;
            }
            for (long[] victim : victims) {
                if (bytes + size <= quotaBytes) {
                    break;
                }
                store.delete(victim[0], victim[0]);
                bytes -= victim[1];
                count--;
                dropped++;
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }

    @FunctionalInterface
    private interface Work {
        void apply(OutboxStore store) throws SQLException;
    }

    private interface Task {
        void apply() throws SQLException;

        void succeed();

        void fail(Exception e);
    }

    private final class Append implements Task {
        private final List<OutboxRow> rows;
        private final CompletableFuture<Appended> done;
        private Appended result;

        Append(List<OutboxRow> rows, CompletableFuture<Appended> done) {
            this.rows = rows;
            this.done = done;
        }

        @Override
        public void apply() throws SQLException {
            result = insert(rows);
        }

        @Override
        public void succeed() {
            pendingEvents.addAndGet(-rows.size());
            done.complete(result);
        }

        @Override
        public void fail(Exception e) {
            pendingEvents.addAndGet(-rows.size());
            done.completeExceptionally(e);
        }
    }

    private final class Plain implements Task {
        private final Work work;
        private final CompletableFuture<Void> done;

        Plain(Work work, CompletableFuture<Void> done) {
            this.work = work;
            this.done = done;
        }

        @Override
        public void apply() throws SQLException {
            work.apply(store);
        }

        @Override
        public void succeed() {
            done.complete(null);
        }

        @Override
        public void fail(Exception e) {
            done.completeExceptionally(e);
        }
    }
}
