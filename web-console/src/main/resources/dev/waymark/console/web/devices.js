import { api, el, fill, options, page, problem, say, storeChoices, table, when } from '/app.js';

const storeInput = document.getElementById('store');
const tokenMessage = document.getElementById('token-message');
const devicesMessage = document.getElementById('devices-message');
let qrUrl = null;

async function qrImage(payload, label) {
  const response = await fetch('/console/qr', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ qr: payload }), credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) return el('p', { class: 'message error', text: 'The QR code could not be drawn.' });
  if (qrUrl) URL.revokeObjectURL(qrUrl);
  qrUrl = URL.createObjectURL(await response.blob());
  return el('img', { id: 'qr', src: qrUrl, alt: label });
}

async function showToken(grant, what) {
  say(tokenMessage, what + ' Scan the QR code with the device, or type the token; it works once, until '
    + when(grant.expiresAt) + '.');
  const image = await qrImage(grant.qr, 'Enrollment QR code for a ' + grant.role + ' in store ' + grant.store);
  fill(document.getElementById('token'), el('div', { class: 'qr' }, image),
    el('p', {}, 'Token: ', el('span', { class: 'token', id: 'token-text', text: grant.token })),
    el('p', { text: 'Store ' + grant.store + ', ' + grant.role + (grant.deviceId ? ', replacing ' + grant.deviceId : '')
      + '; service ' + grant.url }));
}

async function showDevices() {
  const store = storeInput.value;
  if (!store) return;
  const answer = await api('GET', '/provisioning/v1/devices?store=' + encodeURIComponent(store));
  if (!answer.ok) {
    say(devicesMessage, problem(answer), 'error');
    fill(document.getElementById('devices'));
    return;
  }
  say(devicesMessage, '');
  fill(document.getElementById('devices'), table('Devices of ' + store, [
    ['Device', (device) => device.id],
    ['Role', (device) => device.role],
    ['Status', (device) => device.status],
    ['Last seen', (device) => when(device.lastSeen)],
    ['Software', (device) => device.softwareVersion],
    ['Certificate expires', (device) => when(device.certExpiry)],
    ['', (device) => device.status !== 'active' ? '' : el('span', {},
      el('button', { type: 'button', class: 'danger', text: 'Revoke', 'aria-label': 'Revoke ' + device.id,
        onclick: () => change(device, 'revoke') }), ' ',
      el('button', { type: 'button', text: 'Replace', 'aria-label': 'Replace ' + device.id,
        onclick: () => change(device, 'replace') }))],
  ], answer.body.devices, 'No device is enrolled in this store.'));
}

async function change(device, how) {
  const question = how === 'revoke' ? 'Revoke ' + device.id + '? It loses its access at once.'
    : 'Replace ' + device.id + '? Its certificate is revoked now and a token for the new device is created.';
  if (!confirm(question)) return;
  const answer = await api('POST', '/provisioning/v1/devices/' + encodeURIComponent(device.id) + '/' + how);
  if (!answer.ok) {
    say(devicesMessage, problem(answer), 'error');
    return;
  }
  await showDevices();
  if (how === 'replace') await showToken(answer.body, 'Replacement token created.');
  else say(devicesMessage, device.id + ' is revoked.');
}

page(async (session) => {
  const stores = await storeChoices(session);
  options(document.getElementById('store-list'), stores);
  if (stores.length === 1) storeInput.value = stores[0];
  storeInput.addEventListener('change', showDevices);
  document.getElementById('token-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!storeInput.value) {
      say(tokenMessage, 'Choose a store first.', 'error');
      storeInput.focus();
      return;
    }
    const answer = await api('POST', '/provisioning/v1/tokens',
      { store: storeInput.value, role: document.getElementById('role').value });
    if (!answer.ok) {
      say(tokenMessage, problem(answer), 'error');
      return;
    }
    await showToken(answer.body, 'Enrollment token created.');
    await showDevices();
  });
  await showDevices();
});
