package dev.waymark.journey;

import static dev.waymark.journey.Events.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartAbandonmentTest {

    private static final String TIMER = "cart_abandonment/p-1/s-1";

    private final JourneyEngine underTest = JourneyEngine.defaults();
    private final Events kiosk = new Events("kiosk-1", "s-1");

    @Test
    void cartAdd_setsTimerAtWindowAfterTheAdd() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)), kiosk.cartAdd(minutes(1), "a", "shoes"));

        assertThat(run.timers).containsExactly(new TimerCommand.Set(TIMER, minutes(31)));
        assertThat(run.state.pendingTimers()).containsOnlyKeys(TIMER);
    }

    @Test
    void secondCartAdd_movesTheSameTimer() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)), kiosk.cartAdd(minutes(1), "a", "shoes"),
                kiosk.cartAdd(minutes(5), "b", "shoes"));

        assertThat(run.timers).containsExactly(new TimerCommand.Set(TIMER, minutes(31)),
                new TimerCommand.Set(TIMER, minutes(35)));
    }

    @Test
    void timerFires_withItemsInCart_emitsAbandonment() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)), kiosk.cartAdd(minutes(1), "a", "shoes"));

        Step step = run.fire(new TimerFired(TIMER, minutes(31)));

        assertThat(step.intents()).singleElement().satisfies(intent -> {
            assertThat(intent.name()).isEqualTo("cart_abandonment");
            assertThat(intent.profileKey()).isEqualTo("p-1");
            assertThat(intent.at()).isEqualTo(minutes(31));
            assertThat(intent.attributes()).containsEntry("reason", "timeout").containsEntry("cartItems", 1L)
                    .containsEntry("cartValue", 1999L).containsEntry("cartCategories", List.of("shoes"))
                    .containsEntry("channel", "kiosk").containsEntry("sessionId", "s-1");
        });
        assertThat(step.state().pendingTimers()).isEmpty();
        assertThat(step.state().lastIntent()).isEqualTo("cart_abandonment");
    }

    @Test
    void checkout_cancelsTimer_andLateFiringIsIgnored() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)), kiosk.cartAdd(minutes(1), "a", "shoes"),
                kiosk.checkout(minutes(3)));

        assertThat(run.timers).endsWith(new TimerCommand.Cancel(TIMER));
        Step late = run.fire(new TimerFired(TIMER, minutes(31)));
        assertThat(late.intents()).isEmpty();
        assertThat(late.timers()).isEmpty();
    }

    @Test
    void purchase_cancelsTimer_andNothingFires() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)), kiosk.cartAdd(minutes(1), "a", "shoes"),
                kiosk.purchase(minutes(4), "a"), kiosk.end(minutes(6)));

        assertThat(run.timers).endsWith(new TimerCommand.Cancel(TIMER));
        assertThat(run.intentNames()).doesNotContain("cart_abandonment");
    }

    @Test
    void removingLastItem_cancelsTimer() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)), kiosk.cartAdd(minutes(1), "a", "shoes"),
                kiosk.cartRemove(minutes(2), "a"));

        assertThat(run.state.cart()).isEmpty();
        assertThat(run.timers).endsWith(new TimerCommand.Cancel(TIMER));
    }

    @Test
    void sessionEnd_withItemsInCart_emitsAbandonmentAndCancelsTimer() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)), kiosk.cartAdd(minutes(1), "a", "shoes"));

        Step step = run.apply(kiosk.end(minutes(4)));

        assertThat(step.intents()).singleElement().satisfies(intent -> {
            assertThat(intent.attributes()).containsEntry("reason", "session_end");
            assertThat(intent.at()).isEqualTo(minutes(4));
        });
        assertThat(step.timers()).containsExactly(new TimerCommand.Cancel(TIMER));
        assertThat(step.state().sessions()).isEmpty();
    }

    @Test
    void sessionEnd_withoutCartAddInThatSession_doesNotFire() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)), kiosk.view(minutes(1), "a", "shoes"));

        assertThat(run.apply(kiosk.end(minutes(2))).intents()).isEmpty();
    }

    @Test
    void timerFiredBeforeDue_isIgnored() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)), kiosk.cartAdd(minutes(1), "a", "shoes"));
        JourneyContext before = run.state;

        Step early = run.fire(new TimerFired(TIMER, minutes(30)));

        assertThat(early.intents()).isEmpty();
        assertThat(early.state()).isEqualTo(before);
    }

    @Test
    void onSessionEndFalse_leavesTheTimerToDecide() {
        IntentPatterns patterns = IntentPatterns.of(List.of(new IntentPattern.CartAbandonment("cart_abandonment", 30,
                false)));
        Run run = new Run(JourneyEngine.of(ActivityMapping.defaults(), patterns), "p-1")
                .applyAll(kiosk.start(minutes(0)), kiosk.cartAdd(minutes(1), "a", "shoes"), kiosk.end(minutes(2)));

        assertThat(run.intents).isEmpty();
        assertThat(run.fire(new TimerFired(TIMER, Instant.parse("2026-11-23T10:31:00Z"))).intents()).hasSize(1);
    }
}
