package dev.waymark.cloud.internal.gateway.mqtt;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;

/**
 * Turns a Paho token into a Vert.x future completed on a Vert.x context, so that nothing chained on it runs on (and
 * stalls) Paho's callback thread. A reason code at or above 0x80 (an MQTT 5 refusal) fails the future.
 */
final class PahoCompletion implements MqttActionListener {

    private final Context context;
    private final Promise<Void> promise = Promise.promise();
    private final String what;

    PahoCompletion(Context context, String what) {
        this.context = context;
        this.what = what;
    }

    /** The future this listener completes. */
    Future<Void> future() {
        return promise.future();
    }

    /** Fails the future now, for an exception thrown before Paho took the request. */
    Future<Void> fail(Throwable cause) {
        context.runOnContext(v -> promise.tryFail(cause));
        return promise.future();
    }

    @Override
    public void onSuccess(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        int code = codes == null || codes.length == 0 ? 0 : codes[0];
        if (code >= 0x80) {
            fail(new IllegalStateException(what + " refused by the broker with reason code 0x"
                    + Integer.toHexString(code)));
        } else {
            context.runOnContext(v -> promise.tryComplete());
        }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable exception) {
        fail(exception == null ? new IllegalStateException(what + " failed") : exception);
    }
}
