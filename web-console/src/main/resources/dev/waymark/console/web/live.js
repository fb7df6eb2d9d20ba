import { el, options, page, say, storeChoices, when } from '/app.js';

const MAX_ITEMS = 200;
const feed = document.getElementById('feed');
const message = document.getElementById('message');
const form = document.getElementById('filters');
let source = null;
let paused = false;

function item(data) {
  const what = el('span', { text: data.kind + ' ' + (data.type || '') });
  const where = ' · store ' + (data.store || '—') + (data.device ? ' · kiosk ' + data.device : '')
    + (data.profile ? ' · profile ' + data.profile : '');
  const link = data.kind !== 'event' && data.id
    ? el('a', { href: '/decisions.html?id=' + encodeURIComponent(data.id), text: 'why?',
      'aria-label': 'Why decision ' + data.id }) : null;
  return el('li', { class: 'live-' + data.kind }, el('time', { datetime: data.at, text: when(data.at) }), ' ',
    what, where, link ? ' · ' : '', link);
}

function connect() {
  if (source) source.close();
  const query = new URLSearchParams();
  const store = document.getElementById('store').value;
  const kind = document.getElementById('kind').value;
  if (store) query.set('store', store);
  if (kind) query.set('kind', kind);
  source = new EventSource('/v1/live' + (query.toString() ? '?' + query : ''));
  source.onopen = () => say(message, 'Connected; new activity appears at the top.');
  source.onerror = () => say(message, 'The live stream was interrupted; reconnecting…', 'error');
  source.onmessage = (event) => {
    if (paused) return;
    let data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    const device = document.getElementById('device').value.trim();
    if (device && !(data.device || '').includes(device)) return;
    feed.prepend(item(data));
    while (feed.children.length > MAX_ITEMS) feed.lastElementChild.remove();
  };
}

page(async (session) => {
  options(document.getElementById('store'), await storeChoices(session, true),
    session.stores.includes('*') ? 'every store' : 'all my stores');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    connect();
  });
  document.getElementById('pause').addEventListener('click', (event) => {
    paused = !paused;
    event.target.textContent = paused ? 'Resume' : 'Pause';
    say(message, paused ? 'Paused: new activity is not shown.' : 'Resumed.');
  });
  connect();
});
