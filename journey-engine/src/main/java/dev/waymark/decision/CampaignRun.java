package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A campaign decision over a stream of profiles: each profile becomes one {@link DecisionMode#CAMPAIGN} request
 * through the same pipeline, lazily, so a million profiles pass through without ever being held in memory
 * together. Decision ids are {@code campaignId + ":" + holdoutKey}, so a re-run decides the same.
 */
public final class CampaignRun {

    private final DecisionPipeline pipeline;
    private final String campaignId;
    private final Channel channel;
    private final String placement;
    private final Map<String, Object> context;
    private final Instant now;

    private CampaignRun(DecisionPipeline pipeline, String campaignId, Channel channel, String placement,
            Map<String, Object> context, Instant now) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        if (campaignId == null || campaignId.isBlank()) {
            throw new IllegalArgumentException("campaignId: is required");
        }
        this.campaignId = campaignId;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.context = Map.copyOf(context);
        this.now = Objects.requireNonNull(now, "now");
    }

    /**
     * A run of campaign {@code campaignId} deciding for {@code placement}, first on {@code channel}, at {@code now};
     * {@code context} is the CEL {@code context} of every decision ({@code context.campaign} is added).
     */
    public static CampaignRun of(DecisionPipeline pipeline, String campaignId, Channel channel, String placement,
            Map<String, Object> context, Instant now) {
        Map<String, Object> withCampaign = new HashMap<>(context);
        withCampaign.put("campaign", campaignId);
        return new CampaignRun(pipeline, campaignId, channel, placement, withCampaign, now);
    }

    /** Decides lazily, one profile at a time, as the stream is consumed. */
    public Stream<DecisionResult> decide(Stream<CampaignProfile> profiles) {
        return profiles.map(this::decideOne);
    }

    /** Decides lazily, one profile per {@code next()}. */
    public Iterator<DecisionResult> decide(Iterator<CampaignProfile> profiles) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return profiles.hasNext();
            }

            @Override
            public DecisionResult next() {
                return decideOne(profiles.next());
            }
        };
    }

    /** The decision for one profile. */
    public DecisionResult decideOne(CampaignProfile target) {
        DecisionRequest request = DecisionRequest.builder(DecisionMode.CAMPAIGN, campaignId + ":"
                        + target.holdoutKey(), target.holdoutKey(), channel, placement, now)
                .profile(target.profile())
                .journey(target.journey())
                .context(context)
                .consent(target.consent())
                .history(target.history())
                .zone(target.zone())
                .preferredChannels(target.preferredChannels())
                .reachableChannels(target.reachableChannels())
                .build();
        return pipeline.decide(request);
    }
}
