// Shared by every page: the session, API calls with the CSRF token, safe element building, the page header.
// Data only ever reaches the page through textContent and attributes, never through HTML parsing.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let session = null;

/** The pages, and the roles whose scopes can use them (the cloud enforces this; the menu only follows it). */
export const PAGES = [
  { href: '/overview.html', label: 'Overview', roles: ['admin', 'marketing', 'store_manager', 'field_tech'] },
  { href: '/live.html', label: 'Live', roles: ['admin', 'marketing', 'store_manager', 'field_tech'] },
  { href: '/performance.html', label: 'Performance', roles: ['admin', 'marketing', 'store_manager', 'field_tech'] },
  { href: '/decisions.html', label: 'Decisions', roles: ['admin', 'marketing', 'store_manager', 'field_tech'] },
  { href: '/actions.html', label: 'Actions', roles: ['admin', 'marketing'] },
  { href: '/devices.html', label: 'Devices', roles: ['admin', 'field_tech'] },
  { href: '/privacy.html', label: 'Privacy', roles: ['admin'] },
];

/** Calls the API; resolves to {ok, status, body} and never rejects (a network failure is status 0). */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && session) headers['X-CSRF-Token'] = session.csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    return { ok: false, status: 0, body: { error: 'unavailable', message: 'the console could not be reached' } };
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (e) {
    parsed = { error: 'unavailable', message: 'the answer was not JSON (status ' + response.status + ')' };
  }
  if (response.status === 401 && session && path !== '/v1/session') toSignIn();
  return { ok: response.ok, status: response.status, body: parsed };
}

/** The signed-in session; without one the browser goes to the sign-in page (and this never resolves). */
export async function signedIn() {
  const answer = await api('GET', '/v1/session');
  if (answer.status === 401) {
    toSignIn();
    return new Promise(() => {});
  }
  if (!answer.ok) throw new Error(problem(answer));
  session = answer.body;
  return session;
}

function toSignIn() {
  location.assign('/index.html?next=' + encodeURIComponent(location.pathname + location.search));
}

/** A readable message for a refused call: the API's {error, message, field} or enrollment's {error: {field, reason}}. */
export function problem(answer) {
  const body = answer.body || {};
  if (answer.status === 403 && body.error !== 'csrf') return 'Not allowed for your account: ' + (body.message || 'forbidden');
  if (body.error && typeof body.error === 'object') return (body.error.field || 'request') + ': ' + body.error.reason;
  if (body.message) return body.message;
  return 'The request failed (status ' + answer.status + ')';
}

/** Builds an element: props are attributes (text sets textContent, on* are listeners); children are nodes or text. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a node's children. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== undefined && child !== null));
}

/** Shows a message in a status region; kind 'error' makes it an alert. */
export function say(node, text, kind = 'info') {
  node.textContent = text;
  node.className = 'message ' + kind;
  node.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  node.hidden = !text;
}

/** A table of rows; columns are [heading, row => text or node]. */
export function table(caption, columns, rows, empty = 'Nothing yet.') {
  if (rows.length === 0) return el('p', { class: 'empty', text: empty });
  return el('div', { class: 'scroll' }, el('table', {},
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', { scope: 'col', text: heading })))),
    el('tbody', {}, rows.map((row) => el('tr', {}, columns.map(([, cell]) => {
      const value = cell(row);
      return el('td', {}, value === undefined || value === null ? '—' : value);
    }))))));
}

/** An instant as the browser's local date and time. */
export function when(instant) {
  if (!instant) return '—';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : date.toLocaleString();
}

/** A rate (0..1) as a percentage, or a dash. */
export function percent(rate) {
  return rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + ' %';
}

/** Draws the header with the pages this role may use and a sign-out button; false when the role may not use this. */
export function header(current) {
  const here = location.pathname;
  const links = PAGES.filter((page) => page.roles.includes(current.role)).map((page) => el('li', {},
    el('a', { href: page.href, 'aria-current': page.href === here ? 'page' : undefined, text: page.label })));
  const signOut = el('button', { type: 'button', class: 'quiet', text: 'Sign out', id: 'sign-out', onclick: async () => {
    await api('DELETE', '/v1/session');
    location.assign('/index.html');
  } });
  const who = el('span', { class: 'who', text: current.user + ' · ' + current.role.replace('_', ' ')
      + (current.stores.includes('*') ? '' : ' · ' + current.stores.join(', ')) });
  fill(document.getElementById('top'), el('a', { class: 'brand', href: '/overview.html', text: 'Waymark' }),
    el('nav', { 'aria-label': 'Pages' }, el('ul', {}, links)), who, signOut);
  const page = PAGES.find((candidate) => candidate.href === here);
  if (page && !page.roles.includes(current.role)) {
    fill(document.getElementById('main'), el('h1', { text: page.label }),
      el('p', { class: 'message error', role: 'alert', text: 'Your role (' + current.role + ') cannot use this page.' }));
    return false;
  }
  return true;
}

/** Starts a page: session, header, then run(session) unless the role may not use the page. */
export async function page(run) {
  const current = await signedIn();
  if (header(current)) await run(current);
}

/**
 * The stores a user may pick: theirs, or every store the cloud has heard of for admin and marketing, plus 'web'
 * (the web shop and apps, a store like any other in the live stream and the KPIs) when withWeb is set.
 */
export async function storeChoices(current, withWeb = false) {
  if (!current.stores.includes('*')) return current.stores;
  const answer = await api('GET', '/v1/stores');
  const stores = answer.ok ? answer.body.stores.map((store) => store.store) : [];
  return withWeb && !stores.includes('web') ? [...stores, 'web'] : stores;
}

/** Fills a <select> with options (value = label). */
export function options(select, values, blank) {
  fill(select, blank === undefined ? [] : [el('option', { value: '', text: blank })],
    values.map((value) => el('option', { value, text: value })));
}
