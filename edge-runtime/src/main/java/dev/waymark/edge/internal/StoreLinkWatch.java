package dev.waymark.edge.internal;

import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.device.LinkState;
import dev.waymark.protocol.device.StoreLink;
import java.lang.System.Logger.Level;

/**
 * What the hub last said about its own link to the cloud ({@code wm/v1/s/{store}/link}, retained, so it arrives
 * after every subscribe). Up until the hub says otherwise: a hub that never says anything (an older one) leaves
 * the agent deciding only while the hub itself is unreachable, as before.
 */
final class StoreLinkWatch {

    private static final System.Logger LOG = System.getLogger(StoreLinkWatch.class.getName());

    private final ContractCodec codec;
    private volatile boolean upstreamUp = true;

    StoreLinkWatch(ContractCodec codec) {
        this.codec = codec;
    }

    /** Takes a message of the link topic; an invalid one is logged and changes nothing. */
    void offer(byte[] payload) {
        Decoded<StoreLink> link = codec.decode(payload, StoreLink.class);
        if (link instanceof Decoded.Rejected<StoreLink> r) {
            LOG.log(Level.WARNING, "store link message ignored: " + r.rejection().field() + " is invalid");
            return;
        }
        StoreLink said = link.orElseThrow();
        boolean up = said.upstream() == LinkState.UP;
        if (up != upstreamUp) {
            LOG.log(Level.INFO, up ? "the hub reaches the cloud again (since " + said.since() + ")"
                    : "the hub cannot reach the cloud since " + said.since()
                    + ": the store is offline, intents are decided here");
        }
        upstreamUp = up;
    }

    /** False while the hub says it cannot reach the cloud. */
    boolean upstreamUp() {
        return upstreamUp;
    }
}
