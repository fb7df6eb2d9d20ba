// The reference kiosk screen: every tap becomes a capture on the agent's WebSocket (docs/protocol.md has the
// types and fields), every action the agent sends becomes a card. The agent owns the session and its id.
import {actionCards} from './action-cards.js';
import {connectAgent, watchStatus} from './agent-link.js';
import {cart, money, productGrid} from './shop.js';

const CURRENCY = 'EUR';
const STATUS_EVERY_MS = 5000;
const ACTIVITY_LINES = 8;
// The agent ends an untouched session after sessionIdleSeconds (120 by default); the screen forgets it too.
const SCREEN_IDLE_MS = 120000;

const $ = id => document.getElementById(id);
const state = {product: null, linkUp: false, status: null, accepted: [], idleTimer: 0};

const [products, texts] = await Promise.all([load('products.json', []), load('action-texts.json', {})]);
const agent = connectAgent({onReply: replied, onAction: action => cards.show(action), onLink: linked});
const cards = actionCards($('actions'), texts, answer);
const grid = productGrid($('products'), products, view);
const basket = cart({lines: $('cart-lines'), total: $('cart-total'), checkout: $('checkout')}, removeLine);
watchStatus(showStatus, STATUS_EVERY_MS);

$('search').addEventListener('submit', event => {
    event.preventDefault();
    const query = $('search-query').value.trim();
    const resultCount = grid.filter(query);
    $('search-result').textContent = query ? resultCount + ' found' : '';
    if (query) {
        capture('wm.kiosk.search', {query, resultCount});
    }
});
$('add-to-cart').addEventListener('click', () => {
    const p = state.product;
    if (p && capture('wm.kiosk.cart_add', {sku: p.sku, category: p.category, quantity: 1, unitPrice: p.price,
        currency: p.currency})) {
        basket.add(p);
    }
});
$('checkout').addEventListener('click', () => {
    if (capture('wm.kiosk.checkout_start', {itemCount: basket.count(), cartTotal: basket.total(), currency: CURRENCY})) {
        $('checkout').hidden = true;
        $('pay').hidden = false;
    }
});
$('pay').addEventListener('click', pay);
$('loyalty').addEventListener('submit', event => {
    event.preventDefault();
    const loyaltyId = $('loyalty-id').value.trim();
    if (!loyaltyId) {
        notice('info', 'Enter your card number first.');
        return;
    }
    // The agent tokenises the card number before storing it; the screen forgets it at once.
    $('loyalty-id').value = '';
    if (capture('wm.kiosk.loyalty_scan', {loyaltyId})) {
        notice('info', 'Loyalty card scanned.');
    }
});
$('consent-yes').addEventListener('click', () => consent('granted'));
$('consent-no').addEventListener('click', () => consent('denied'));
$('help').addEventListener('click', () => {
    if (capture('wm.kiosk.service_request', {topic: $('help-topic').value})) {
        notice('info', 'A colleague has been asked to help you.');
    }
});
$('end-session').addEventListener('click', () => {
    if (capture('wm.kiosk.session_end', {})) {
        forgetShopper();
    }
});
document.addEventListener('pointerdown', touched);
document.addEventListener('keydown', touched);

function view(product) {
    state.product = product;
    $('product-name').textContent = product.name;
    $('product-meta').textContent = product.category + ' · ' + money(product.price, product.currency);
    $('product').hidden = false;
    capture('wm.kiosk.product_view', {sku: product.sku, category: product.category, price: product.price,
        currency: product.currency});
}

function removeLine(line) {
    const p = line.product;
    if (capture('wm.kiosk.cart_remove', {sku: p.sku, category: p.category, quantity: line.quantity,
        unitPrice: p.price, currency: p.currency})) {
        basket.remove(p.sku);
    }
}

function pay() {
    const total = basket.total();
    const orderId = 'K-' + Date.now().toString(36).toUpperCase() + '-' + Math.floor(Math.random() * 1e6);
    const items = basket.items().map(l => ({sku: l.product.sku, quantity: l.quantity, unitPrice: l.product.price}));
    if (!capture('wm.kiosk.purchase', {orderId, total, currency: CURRENCY, items})) {
        return;
    }
    // An offer accepted in this session converted: the purchase is what it was worth.
    for (const a of state.accepted) {
        capture('wm.outcome.convert', {actionId: a.actionId, decisionId: a.decisionId, placement: a.placement,
            value: total, currency: CURRENCY});
    }
    state.accepted = [];
    basket.clear();
    $('pay').hidden = true;
    $('checkout').hidden = false;
    notice('info', 'Thank you! Your order ' + orderId + ' is placed.');
}

function consent(stateName) {
    // "Personalised offers" covers both purposes the offers need; one message, stored all or nothing.
    const captures = ['marketing', 'personalization'].map(purpose => ({type: 'wm.kiosk.consent_update',
        data: {purpose, channel: 'kiosk', state: stateName}}));
    if (send(captures)) {
        $('consent-yes').setAttribute('aria-pressed', String(stateName === 'granted'));
        $('consent-no').setAttribute('aria-pressed', String(stateName !== 'granted'));
    }
}

function answer(outcomeType, action) {
    const sent = capture(outcomeType, {actionId: action.actionId, decisionId: action.decisionId,
        placement: action.placement});
    if (sent && outcomeType === 'wm.outcome.accept' && action.kind === 'offer') {
        state.accepted.push(action);
    }
    return sent;
}

function capture(type, data) {
    return send({type, data});
}

function send(captures) {
    if (agent.send(captures)) {
        return true;
    }
    notice('refused', 'Not saved: the kiosk agent is not reachable; reconnecting.');
    return false;
}

function replied(reply) {
    if (reply.kind === 'refused') {
        notice('refused', 'Not saved. ', reply.field, reply.reason);
        return;
    }
    const list = $('activity');
    for (const event of reply.events || []) {
        const line = document.createElement('li');
        line.textContent = event.type + ' #' + event.sequence;
        list.prepend(line);
    }
    while (list.children.length > ACTIVITY_LINES) {
        list.lastElementChild.remove();
    }
}

function notice(kind, text, field, reason) {
    const box = $('notice');
    box.className = 'notice notice-' + kind;
    box.replaceChildren(document.createTextNode(text));
    if (field !== undefined) {
        const code = document.createElement('code');
        code.className = 'notice-field';
        code.textContent = field;
        const why = document.createElement('span');
        why.className = 'notice-reason';
        why.textContent = ': ' + reason;
        box.append(code, why);
    }
    box.hidden = false;
}

function linked(up) {
    state.linkUp = up;
    $('status').dataset.link = up ? 'up' : 'down';
    showStatus(null, true);
}

function showStatus(status, linkChanged) {
    if (!linkChanged) {
        state.status = status;
    }
    const line = $('status');
    const known = state.status;
    const hub = known === null ? 'unknown' : (known.connected && known.storeOnline ? 'online' : 'offline');
    line.dataset.hub = hub;
    const hubText = hub === 'online' ? 'Online: the store reaches the cloud'
        : hub === 'offline' ? (known.connected ? 'Store offline' : 'Hub unreachable')
            + ': this kiosk decides on its own' + (known.bundleVersion > 0
            ? ' (decision bundle v' + known.bundleVersion + ')' : ' (no decision bundle yet)')
            : 'Kiosk agent status unknown';
    line.textContent = hubText + ' · ' + (state.linkUp ? 'screen linked' : 'reconnecting to the kiosk agent…');
}

function touched() {
    clearTimeout(state.idleTimer);
    state.idleTimer = setTimeout(forgetShopper, SCREEN_IDLE_MS);
}

function forgetShopper() {
    state.product = null;
    state.accepted = [];
    basket.clear();
    grid.filter('');
    $('search-query').value = '';
    $('search-result').textContent = '';
    $('product').hidden = true;
    $('pay').hidden = true;
    $('checkout').hidden = false;
    $('consent-yes').setAttribute('aria-pressed', 'false');
    $('consent-no').setAttribute('aria-pressed', 'false');
}

async function load(file, fallback) {
    try {
        const response = await fetch(file, {cache: 'no-store'});
        return response.ok ? await response.json() : fallback;
    } catch (ignored) {
        return fallback;
    }
}
