package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCatalog;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.EventType;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.event.WebTrack;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A CRM service case as the web event the journey engine already maps: {@code wm.web.track} "Service Requested"
 * (activity SERVICE_INQUIRY) or "Service Resolved" (SERVICE_RESOLVED) with {@code properties.topic}, from source
 * {@code wm:/web/crm}, carrying the contact's {@code crm} id as {@code userId} (or a {@code cookie} as
 * {@code anonymousId}). Its id is derived from the delivery's, so a redelivered one is dropped by the pipeline.
 */
final class ServiceCaseEvents {

    /** The write key segment of the source of CRM events. */
    static final String SOURCE_KEY = "crm";

    private static final EventType TRACK = EventCatalog.of(WebTrack.class);
    private final EventCodec codec = EventCodec.create();

    /** The log entry of {@code serviceCase} for the profile holding {@code identity}, captured {@code at}. */
    EventLog.Entry entry(String deliveryId, InboundChange.ServiceCase serviceCase, Identifier identity, Instant at) {
        JsonObject data = new JsonObject()
                .put(identity.namespace().equals("crm") ? "userId" : "anonymousId", identity.value())
                .put("event", serviceCase.open() ? "Service Requested" : "Service Resolved")
                .put("properties", new JsonObject().put("topic", serviceCase.topic()).put("caseId", serviceCase.id()))
                .put("context", new JsonObject());
        JsonObject event = new JsonObject()
                .put("specversion", CloudEvent.SPEC_VERSION)
                .put("id", "crm-" + deliveryId)
                .put("source", Source.web(SOURCE_KEY).format())
                .put("type", TRACK.name())
                .put("time", at.toString())
                .put("datacontenttype", CloudEvent.DATA_CONTENT_TYPE)
                .put("dataschema", TRACK.dataschema())
                .put("data", data);
        byte[] bytes = event.encode().getBytes(StandardCharsets.UTF_8);
        Decoded<CloudEvent> checked = codec.decode(bytes);
        if (!checked.isAccepted()) {
            throw new IllegalArgumentException("service case event refused: "
                    + checked.rejectionIfAny().orElseThrow().field());
        }
        return new EventLog.Entry("web:" + SOURCE_KEY + ":" + identity.value(), bytes);
    }
}
