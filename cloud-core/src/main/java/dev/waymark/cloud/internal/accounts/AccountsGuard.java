package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import dev.waymark.provisioning.AccessForbidden;
import dev.waymark.provisioning.StoreAccess;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link Guard} of every cloud API route: a secret API key ({@code Authorization: Bearer wm_sk_...}; public
 * {@code wm_pk_} keys only for TRACK) or the console's {@value SessionCookie#NAME} cookie, with
 * {@value Admission#CSRF_HEADER} on unsafe methods. 401 with {@code WWW-Authenticate} without valid credentials,
 * 403 without the scope or the CSRF token.
 */
public final class AccountsGuard implements Guard {

    /** The challenge sent with every 401. */
    public static final String CHALLENGE = "Bearer realm=\"waymark\"";
    private static final Logger LOG = Logger.getLogger(AccountsGuard.class.getName());

    private final Accounts accounts;

    /** A guard checking credentials against {@code accounts}. */
    public AccountsGuard(Accounts accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public Handler<RoutingContext> require(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return context -> {
            HttpServerRequest request = context.request();
            // The lookup is asynchronous: hold the body until the next handler (a BodyHandler) is ready for it.
            if (!request.isEnded()) {
                request.pause();
            }
            Credentials.of(request, accounts).onComplete(checked -> {
                if (!request.isEnded()) {
                    request.resume();
                }
                if (checked.failed()) {
                    LOG.log(Level.WARNING, "cannot check credentials: " + checked.cause().getMessage());
                    ApiErrors.send(context, 503, "unavailable", "credentials cannot be checked now; retry");
                    return;
                }
                Admission admission = Admission.decide(checked.result(), scope, request);
                if (admission.admitted()) {
                    context.put(Caller.CONTEXT_KEY, admission.caller().orElseThrow());
                    context.next();
                } else {
                    refuse(context, admission);
                }
            });
        };
    }

    /**
     * Provisioning's question "may this caller act on this store?": the Guard's rules with {@link Scope#DEVICES},
     * and the store among the caller's. The audit name is the user's name or the key's id.
     */
    public StoreAccess storeAccess() {
        return (context, storeId) -> Credentials.of(context.request(), accounts).compose(credentials -> {
            Admission admission = Admission.decide(credentials, Scope.DEVICES, context.request());
            if (!admission.admitted()) {
                return Future.failedFuture(admission.status() == 403 ? new AccessForbidden(admission.message())
                        : new SecurityException(admission.message()));
            }
            Caller caller = admission.caller().orElseThrow();
            return caller.mayAccessStore(storeId) ? Future.succeededFuture(caller.id())
                    : Future.failedFuture(new AccessForbidden("the caller may not act on this store"));
        });
    }

    static void refuse(RoutingContext context, Admission admission) {
        if (admission.status() == 401) {
            context.response().putHeader("WWW-Authenticate", CHALLENGE);
        }
        ApiErrors.send(context, admission.status(), admission.code(), admission.message());
    }
}
