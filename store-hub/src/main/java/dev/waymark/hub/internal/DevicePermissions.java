package dev.waymark.hub.internal;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.MqttActivity;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.Retain;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.SharedSubscription;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import dev.waymark.protocol.Topics;
import java.util.List;

/**
 * The only topics a device may use (DESIGN.md section 5): publish its own {@code events} (not retained) and
 * {@code status} (retained or not); subscribe to its own {@code actions} and {@code cmd} and to the store's
 * {@code bundle} and {@code link}, never as a shared subscription. Everything else is denied (default behaviour DENY), so a
 * kiosk can neither publish as another device, read another device's actions, subscribe to {@code #} or
 * {@code $share/...}, nor publish a retained bundle or link state.
 */
final class DevicePermissions {

    private DevicePermissions() {
    }

    /** The permissions of one device; call inside the broker (Builders needs the extension context). */
    static List<TopicPermission> of(DeviceIdentity device) {
        String store = device.storeId();
        String id = device.deviceId();
        return List.of(
                permission(Topics.events(store, id), MqttActivity.PUBLISH, Retain.NOT_RETAINED),
                permission(Topics.status(store, id), MqttActivity.PUBLISH, Retain.ALL),
                permission(Topics.actions(store, id), MqttActivity.SUBSCRIBE, Retain.ALL),
                permission(Topics.cmd(store, id), MqttActivity.SUBSCRIBE, Retain.ALL),
                permission(Topics.bundle(store), MqttActivity.SUBSCRIBE, Retain.ALL),
                permission(Topics.link(store), MqttActivity.SUBSCRIBE, Retain.ALL));
    }

    private static TopicPermission permission(String topic, MqttActivity activity, Retain retain) {
        return Builders.topicPermission()
                .topicFilter(topic)
                .type(TopicPermission.PermissionType.ALLOW)
                .activity(activity)
                .retain(retain)
                .sharedSubscription(SharedSubscription.NOT_SHARED)
                .build();
    }
}
