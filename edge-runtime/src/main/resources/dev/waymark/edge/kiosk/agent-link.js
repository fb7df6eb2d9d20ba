// The screen's only link to its kiosk agent: the WebSocket /v1/ws (captures out; replies and actions in) and
// GET /v1/status. No other server is ever contacted.

const MAX_RECONNECT_DELAY_MS = 5000;

/**
 * Opens the WebSocket and keeps it open: when it drops, it is reopened after 250 ms, doubling up to 5 s.
 * handlers: onReply({kind: 'stored'|'refused', ...}), onAction(action), onLink(up: boolean).
 * Returns {send(capture or array of captures): boolean}; false when the agent is not reachable right now.
 */
export function connectAgent(handlers) {
    let socket = null;
    let attempt = 0;

    function open() {
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        socket = new WebSocket(scheme + '//' + location.host + '/v1/ws');
        socket.addEventListener('open', () => {
            attempt = 0;
            handlers.onLink(true);
        });
        socket.addEventListener('message', event => dispatch(event.data));
        socket.addEventListener('close', () => {
            handlers.onLink(false);
            const delay = Math.min(MAX_RECONNECT_DELAY_MS, 250 * 2 ** attempt);
            attempt = Math.min(attempt + 1, 10);
            setTimeout(open, delay);
        });
    }

    function dispatch(text) {
        let message;
        try {
            message = JSON.parse(text);
        } catch (ignored) {
            return;
        }
        if (message && message.kind === 'action' && message.action) {
            handlers.onAction(message.action);
        } else if (message && (message.kind === 'stored' || message.kind === 'refused')) {
            handlers.onReply(message);
        }
    }

    open();
    return {
        send(captures) {
            if (!socket || socket.readyState !== WebSocket.OPEN) {
                return false;
            }
            socket.send(JSON.stringify(captures));
            return true;
        }
    };
}

/** Polls GET /v1/status every few seconds; onStatus(status or null when the agent did not answer). */
export function watchStatus(onStatus, everyMs) {
    async function poll() {
        try {
            const response = await fetch('/v1/status', {cache: 'no-store'});
            onStatus(response.ok ? await response.json() : null);
        } catch (ignored) {
            onStatus(null);
        }
        setTimeout(poll, everyMs);
    }
    poll();
}
