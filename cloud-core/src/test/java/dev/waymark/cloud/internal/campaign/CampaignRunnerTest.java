package dev.waymark.cloud.internal.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.decision.ContactBook;
import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.Contact;
import dev.waymark.protocol.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignRunnerTest {

    private static final String CARTS = "journey.cartItems > 0";
    private static final Duration FAST_POLL = Duration.ofMillis(20);

    @TempDir
    Path dir;
    CampaignFixture fixture;
    final List<CampaignRunner> runners = new ArrayList<>();

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        fixture = new CampaignFixture(storeUrl());
    }

    @AfterEach
    void close() throws Exception {
        runners.forEach(CampaignRunner::close);
        fixture.close();
    }

    @Test
    void run_overSegment_decidesEachProfileInItOnceAndSendsWhereConsentAllows() throws Exception {
        fixture.seed(40);
        fixture.create("spring", CARTS);

        started(settings(3, 4, 2), "runner-a");
        Campaign done = awaitState("spring", CampaignState.DONE);

        // Carts: 0, 4, ..., 36; of them 4 and 24 gave no marketing consent.
        assertThat(done.progress()).isEqualTo(new Tally(40, 10, 10, 8, 0, 0));
        assertThat(done.partitions()).isEqualTo(3);
        assertThat(fixture.count("SELECT COUNT(*) FROM decisions WHERE mode = 'campaign'")).isEqualTo(10);
        assertThat(fixture.count("SELECT COUNT(DISTINCT profile_id) FROM decisions")).isEqualTo(10);
        assertThat(fixture.count("SELECT COUNT(*) FROM decisions WHERE status = 'nothing' AND profile_id IN "
                + "('syn-000000004', 'syn-000000024')")).isEqualTo(2);
        assertThat(fixture.count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%campaign-email%'")).isEqualTo(8);
        assertThat(fixture.count("SELECT COUNT(*) FROM contacts WHERE channel = 'EMAIL'")).isEqualTo(8);
    }

    @Test
    void run_profileAlreadyAtItsContactCap_isSuppressedAndCounted() throws Exception {
        fixture.seed(40);
        fixture.store.write(c -> {
            new ContactBook().add(c, "syn-000000000", "earlier-decision", new Contact("other-email", Channel.EMAIL,
                    ActionCategory.SALES, CampaignFixture.START.minus(Duration.ofDays(2))));
            return null;
        }).await(10, TimeUnit.SECONDS);
        fixture.create("capped", CARTS);

        started(settings(2, 5, 1), "runner-a");
        Campaign done = awaitState("capped", CampaignState.DONE);

        assertThat(done.progress()).isEqualTo(new Tally(40, 10, 10, 7, 1, 0));
        assertThat(fixture.count("SELECT COUNT(*) FROM decisions WHERE profile_id = 'syn-000000000' AND status = "
                + "'suppressed' AND explanation LIKE '%\"removedAt\":\"contact_policy\"%'")).isEqualTo(1);
        assertThat(fixture.count("SELECT COUNT(*) FROM contacts WHERE profile_id = 'syn-000000000'")).isEqualTo(1);
    }

    @Test
    void run_controlGroup_recordsTheHeldOutDecisionsWithoutSending() throws Exception {
        fixture.catalog(100);
        fixture.seed(20);
        fixture.create("held-out", CARTS);

        started(settings(1, 50, 1), "runner-a");
        Campaign done = awaitState("held-out", CampaignState.DONE);

        assertThat(done.progress()).isEqualTo(new Tally(20, 5, 5, 0, 0, 5));
        assertThat(fixture.count("SELECT COUNT(*) FROM outbox")).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM decisions WHERE status = 'control'")).isEqualTo(5);
    }

    @Test
    void pause_thenResume_continuesFromTheCheckpointWithoutDecidingAnyoneTwice() throws Exception {
        CampaignRunner underTest = stoppedUnderway("paused", CampaignState.PAUSED);
        Campaign paused = fixture.campaign("paused");

        assertThat(paused.state()).isEqualTo(CampaignState.PAUSED);
        assertThat(paused.progress().scanned()).isLessThan(800);
        // The checkpoint and counters commit with the chunk's decisions, so they agree.
        assertThat(fixture.count("SELECT COUNT(*) FROM decisions")).isEqualTo(paused.progress().decided());

        move("paused", CampaignState.RUNNING);
        Campaign done = awaitState("paused", CampaignState.DONE);

        assertThat(done.progress()).isEqualTo(new Tally(800, 200, 200, 160, 0, 0));
        assertThat(fixture.count("SELECT COUNT(*) FROM decisions")).isEqualTo(200);
        assertThat(fixture.count("SELECT COUNT(DISTINCT profile_id) FROM decisions")).isEqualTo(200);
    }

    @Test
    void run_partitionOfADeadReplica_isTakenOverAfterItsLeaseEnds() throws Exception {
        fixture.seed(40);
        fixture.create("takeover", CARTS);
        PartitionBook partitions = new PartitionBook();
        PartitionLease dead = fixture.store.write(c -> {
            partitions.start(c, "takeover", 1, fixture.clock.instant());
            return partitions.claim(c, "runner-dead", fixture.clock.instant(),
                    fixture.clock.instant().plusSeconds(30)).orElseThrow();
        }).await(10, TimeUnit.SECONDS);
        CampaignRunner underTest = fixture.runner(settings(1, 4, 1), "runner-b");
        runners.add(underTest);

        assertThat(underTest.poll().await(10, TimeUnit.SECONDS)).isZero();
        fixture.clock.advance(Duration.ofSeconds(31));
        assertThat(underTest.poll().await(10, TimeUnit.SECONDS)).isEqualTo(1);
        underTest.start();
        Campaign done = awaitState("takeover", CampaignState.DONE);

        assertThat(done.progress()).isEqualTo(new Tally(40, 10, 10, 8, 0, 0));
        assertThat(fixture.count("SELECT COUNT(DISTINCT profile_id) FROM decisions")).isEqualTo(10);
        // The dead replica, were it only slow, could no longer commit what it decided.
        assertThat(fixture.store.write(c -> partitions.advance(c, dead, "syn-000000003", new Tally(4, 1, 1, 1, 0, 0),
                false, fixture.clock.instant().plusSeconds(30))).await(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void run_twoReplicas_shareThePartitionsAndDecideEachProfileOnce() throws Exception {
        fixture.seed(400);
        fixture.create("shared", CARTS);
        CampaignRunner a = fixture.runner(settings(4, 5, 1), "runner-a");
        CampaignRunner b = fixture.runner(settings(4, 5, 1), "runner-b");
        runners.add(a);
        runners.add(b);

        assertThat(a.poll().await(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(b.poll().await(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(fixture.count("SELECT COUNT(DISTINCT owner) FROM campaign_partitions")).isEqualTo(2);
        a.start();
        b.start();
        Campaign done = awaitState("shared", CampaignState.DONE);

        assertThat(done.progress()).isEqualTo(new Tally(400, 100, 100, 80, 0, 0));
        assertThat(fixture.count("SELECT COUNT(*) FROM decisions")).isEqualTo(100);
        assertThat(fixture.count("SELECT COUNT(DISTINCT profile_id) FROM decisions")).isEqualTo(100);
    }

    @Test
    void cancel_stopsTheCampaignForGoodKeepingWhatWasDecided() throws Exception {
        CampaignRunner underTest = stoppedUnderway("cancelled", CampaignState.CANCELLED);
        underTest.poll().await(10, TimeUnit.SECONDS);
        Campaign cancelled = fixture.campaign("cancelled");

        assertThat(cancelled.state()).isEqualTo(CampaignState.CANCELLED);
        assertThat(cancelled.finishedAt()).isPresent();
        assertThat(underTest.busy()).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM decisions")).isEqualTo(cancelled.progress().decided());
    }

    /**
     * Runs a campaign over 800 profiles a profile per chunk and moves it to {@code target} once a few are done;
     * returns the runner once it let go of the partition.
     */
    private CampaignRunner stoppedUnderway(String id, CampaignState target) throws Exception {
        fixture.seed(800);
        fixture.create(id, CARTS);
        CampaignRunner runner = started(settings(1, 1, 1), "runner-a");
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(30))
                .until(() -> fixture.campaign(id).progress().scanned() >= 5);
        move(id, target);
        await().atMost(Duration.ofSeconds(10)).until(() -> runner.busy() == 0);
        return runner;
    }

    @Test
    void run_storedSegmentThatNoLongerCompiles_failsTheCampaignWithANote() throws Exception {
        fixture.seed(10);
        fixture.create("broken", CARTS);
        fixture.store.write(c -> c.createStatement().executeUpdate(
                "UPDATE campaigns SET segment = 'journey.cartItems >' WHERE campaign_id = 'broken'"))
                .await(10, TimeUnit.SECONDS);

        started(settings(1, 5, 1), "runner-a");
        Campaign failed = awaitState("broken", CampaignState.FAILED);

        assertThat(failed.note()).hasValueSatisfying(note -> assertThat(note).startsWith("segment: does not compile"));
        assertThat(failed.finishedAt()).isPresent();
        assertThat(fixture.count("SELECT COUNT(*) FROM decisions")).isZero();
    }

    private CampaignRunner started(CampaignSettings settings, String owner) {
        CampaignRunner runner = fixture.runner(settings, owner);
        runners.add(runner);
        runner.start();
        return runner;
    }

    private static CampaignSettings settings(int partitions, int chunk, int workers) {
        return new CampaignSettings(partitions, chunk, workers, Duration.ofSeconds(30), FAST_POLL);
    }

    private Campaign awaitState(String id, CampaignState state) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> fixture.campaign(id), c -> c.state() == state);
    }

    private void move(String id, CampaignState target) throws Exception {
        fixture.store.write(c -> new CampaignBook().move(c, id, target, fixture.clock.instant()))
                .await(10, TimeUnit.SECONDS);
    }
}
