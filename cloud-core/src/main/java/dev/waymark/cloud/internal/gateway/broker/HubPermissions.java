package dev.waymark.cloud.internal.gateway.broker;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.MqttActivity;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.Retain;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.SharedSubscription;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import dev.waymark.protocol.TopicKind;
import dev.waymark.protocol.Topics;
import java.util.List;

/**
 * What a store hub may do on the cloud's broker: subscribe to anything of its own store
 * ({@code wm/v1/s/{store}/#}, never as a shared subscription) and publish only its store's uplink topics
 * ({@code events} and retained {@code status} of any device of the store, since the hub forwards for its kiosks).
 * It may not publish actions, commands or the retained bundle: those come from the cloud alone. Everything else is
 * denied by the default behaviour DENY.
 */
final class HubPermissions {

    private HubPermissions() {
    }

    /** The permissions of one hub; call inside the broker (Builders needs the extension context). */
    static List<TopicPermission> of(HubIdentity hub) {
        String store = hub.storeId();
        return List.of(
                permission(Topics.storeDevicesFilter(TopicKind.EVENTS, store), MqttActivity.PUBLISH),
                permission(Topics.storeDevicesFilter(TopicKind.STATUS, store), MqttActivity.PUBLISH),
                permission(Topics.ROOT + "s/" + store + "/#", MqttActivity.SUBSCRIBE));
    }

    private static TopicPermission permission(String filter, MqttActivity activity) {
        return Builders.topicPermission()
                .topicFilter(filter)
                .type(TopicPermission.PermissionType.ALLOW)
                .activity(activity)
                .retain(Retain.ALL)
                .sharedSubscription(SharedSubscription.NOT_SHARED)
                .build();
    }
}
