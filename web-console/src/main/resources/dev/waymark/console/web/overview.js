import { api, el, fill, options, page, problem, say, storeChoices, table, when } from '/app.js';

const message = document.getElementById('message');
const select = document.getElementById('store');
const kioskMessage = document.getElementById('kiosks-message');

function state(value) {
  return el('span', { class: value, text: value });
}

async function showStores() {
  const answer = await api('GET', '/v1/stores');
  if (!answer.ok) {
    say(message, problem(answer), 'error');
    return [];
  }
  const stores = answer.body.stores;
  fill(document.getElementById('stores'), table('Stores', [
    ['Store', (store) => store.store],
    ['Hub link', (store) => state(store.link)],
    ['Hubs', (store) => store.hubs.map((hub) => hub.hubId + ' (' + hub.link + ', buffer ' + hub.bufferDepth
      + ', reported ' + when(hub.lastReport) + ')').join('; ') || '—'],
    ['Kiosks online', (store) => String(store.kiosks.online)],
    ['offline', (store) => String(store.kiosks.offline)],
    ['unknown', (store) => String(store.kiosks.unknown)],
  ], stores, 'No store has reported yet.'));
  return stores.map((store) => store.store);
}

async function showKiosks() {
  const store = select.value;
  if (!store) {
    fill(document.getElementById('kiosks'));
    return;
  }
  const answer = await api('GET', '/v1/stores/' + encodeURIComponent(store) + '/devices');
  if (answer.status === 404) {
    say(kioskMessage, 'Nothing of store ' + store + ' has reported yet.');
    fill(document.getElementById('kiosks'));
    return;
  }
  if (!answer.ok) {
    say(kioskMessage, problem(answer), 'error');
    fill(document.getElementById('kiosks'));
    return;
  }
  say(kioskMessage, '');
  fill(document.getElementById('kiosks'), table('Kiosks of ' + store, [
    ['Kiosk', (device) => device.deviceId],
    ['State', (device) => state(device.presence)],
    ['Last seen', (device) => when(device.lastSeen)],
    ['Buffer depth', (device) => device.bufferDepth],
    ['Software', (device) => device.softwareVersion],
    ['Clock skew (ms)', (device) => device.skewMillis],
    ['Hub', (device) => device.hubId],
  ], answer.body.devices, 'No kiosk of this store has reported yet.'));
}

/** The CRM connectors' state (docs/crm.md), for the roles that may read it (scope admin). */
async function showCrm() {
  const answer = await api('GET', '/v1/crm/status');
  const crmMessage = document.getElementById('crm-message');
  if (!answer.ok) {
    say(crmMessage, problem(answer), 'error');
    return;
  }
  say(crmMessage, 'Inbound CRM webhook ' + (answer.body.inbound ? 'on' : 'off') + '.');
  fill(document.getElementById('crm'), table('CRM connectors', [
    ['Connector', (connector) => connector.kind],
    ['Pending', (connector) => String(connector.pending)],
    ['Retrying', (connector) => String(connector.retrying)],
    ['Dead letters', (connector) => String(connector.dead)],
    ['Delivered', (connector) => String(connector.delivered)],
    ['Lag (ms)', (connector) => String(connector.lagMillis)],
  ], answer.body.connectors, 'No CRM connector is configured.'));
}

function refresh(crm) {
  return showStores().then(showKiosks).then(() => (crm ? showCrm() : undefined));
}

page(async (session) => {
  const crm = ['admin', 'marketing'].includes(session.role);
  document.getElementById('crm-section').hidden = !crm;
  const reported = await showStores();
  const choices = [...new Set([...reported, ...(await storeChoices(session))])].sort();
  options(select, choices);
  const wanted = new URLSearchParams(location.search).get('store');
  if (wanted && choices.includes(wanted)) select.value = wanted;
  select.addEventListener('change', showKiosks);
  document.getElementById('refresh').addEventListener('click', () => refresh(crm));
  // Hubs report every 30 s (docs/kpis.md), so a faster refresh would show nothing new.
  setInterval(() => refresh(crm), 30_000);
  await showKiosks();
  if (crm) await showCrm();
});
