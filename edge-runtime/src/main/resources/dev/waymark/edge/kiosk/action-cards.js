// Actions the agent sends (offers, help, nudges), shown as cards until their expiresAt. Every text is set with
// textContent: a title may come from anywhere and is never parsed as HTML.

const LABELS = {offer: 'An offer for you', help: 'Help', nudge: 'A tip'};
const ANSWERED_CARD_MS = 8000;

/**
 * container: the element holding the cards; texts: display texts by action id, for actions decided on the kiosk
 * (their title is their id); answer(outcomeType, action): boolean, captures wm.outcome.accept or .dismiss.
 */
export function actionCards(container, texts, answer) {
    const shown = new Map();

    function show(action) {
        const key = action.decisionId + '/' + action.actionId;
        const remaining = msUntilHidden(action);
        if (shown.has(key) || remaining <= 0) {
            return;
        }
        const card = build(action, key);
        shown.set(key, card);
        container.prepend(card);
        setTimeout(() => remove(key), remaining);
    }

    function build(action, key) {
        const kind = LABELS[action.kind] ? action.kind : 'nudge';
        const local = texts[action.actionId];
        const byId = local && (!action.title || action.title === action.actionId);
        const card = element('article', 'card card-' + kind);
        card.dataset.actionId = action.actionId;
        card.dataset.decisionId = action.decisionId;
        card.append(element('p', 'card-label', LABELS[kind]));
        card.append(element('h2', 'card-title', byId ? local.title : action.title));
        const body = byId ? local.body : action.body;
        if (body) {
            card.append(element('p', 'card-body', body));
        }
        const buttons = element('div', 'card-buttons');
        const accept = element('button', 'accept', kind === 'help' ? 'Yes, please' : 'Accept');
        const dismiss = element('button', 'dismiss', 'Dismiss');
        accept.type = 'button';
        dismiss.type = 'button';
        accept.addEventListener('click', () => answered(key, action, 'wm.outcome.accept', 'Accepted'));
        dismiss.addEventListener('click', () => answered(key, action, 'wm.outcome.dismiss', 'Dismissed'));
        buttons.append(accept, dismiss);
        card.append(buttons);
        const why = element('a', 'why', 'Why am I seeing this?');
        why.href = '/v1/decisions/' + encodeURIComponent(action.decisionId);
        why.target = '_blank';
        why.rel = 'noopener noreferrer';
        card.append(why);
        return card;
    }

    function answered(key, action, outcomeType, label) {
        const card = shown.get(key);
        if (!card || !answer(outcomeType, action)) {
            return;
        }
        card.querySelector('.card-buttons').remove();
        card.classList.add('answered');
        card.insertBefore(element('p', 'card-answer', label), card.querySelector('.why'));
        setTimeout(() => remove(key), ANSWERED_CARD_MS);
    }

    function remove(key) {
        const card = shown.get(key);
        if (card) {
            card.remove();
            shown.delete(key);
        }
    }

    return {show};
}

// Hidden at expiresAt on this kiosk's clock, and never later than the action's time to live after it arrived,
// should the screen's clock and the agent's disagree.
function msUntilHidden(action) {
    const expires = Date.parse(action.expiresAt);
    const issued = Date.parse(action.issuedAt);
    if (Number.isNaN(expires) || Number.isNaN(issued)) {
        return 0;
    }
    return Math.min(expires - Date.now(), expires - issued);
}

function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}
