import { api, el, fill, page, problem, say, table } from '/app.js';

const LISTS = ['channels', 'placements'];
const NUMBERS = ['value', 'weight'];
const TEXTS = ['id', 'category', 'consentPurpose', 'title', 'body', 'timeToLive', 'eligibility'];
const message = document.getElementById('message');
const editor = document.getElementById('editor');
const pick = document.getElementById('pick');
let catalog = [];
let loaded = {};
let checking = 0;
let timer = null;

function field(name) {
  return document.getElementById('f-' + name);
}

function showFieldError(name, text) {
  const slot = document.getElementById('err-' + name) || document.getElementById('err-other');
  slot.textContent = slot.id === 'err-other' && text ? name + ': ' + text : text;
  slot.hidden = !text;
  const input = field(name);
  if (input) input.setAttribute('aria-invalid', text ? 'true' : 'false');
}

function clearErrors() {
  editor.querySelectorAll('.field-error').forEach((slot) => {
    slot.textContent = '';
    slot.hidden = true;
  });
  editor.querySelectorAll('[aria-invalid]').forEach((input) => input.setAttribute('aria-invalid', 'false'));
}

/** The draft: the loaded action with the form's fields over it (fields the form does not show are kept). */
function draft() {
  const action = { ...loaded };
  for (const name of TEXTS) action[name] = field(name).value;
  for (const name of LISTS) action[name] = field(name).value.split(',').map((part) => part.trim()).filter(Boolean);
  for (const name of NUMBERS) {
    const text = field(name).value;
    if (text === '') delete action[name];
    else action[name] = Number(text);
  }
  action.edgeDecidable = field('edgeDecidable').checked;
  return action;
}

function draftCatalog() {
  const action = draft();
  const others = catalog.filter((existing) => existing.id !== action.id);
  return [...others, action];
}

function load(action, isNew) {
  loaded = { ...action };
  for (const name of TEXTS) field(name).value = action[name] ?? '';
  for (const name of LISTS) field(name).value = (action[name] || []).join(', ');
  for (const name of NUMBERS) field(name).value = action[name] ?? '';
  field('edgeDecidable').checked = Boolean(action.edgeDecidable);
  field('id').readOnly = !isNew;
  document.getElementById('editor-title').textContent = isNew ? 'New action' : 'Edit action ' + action.id;
  clearErrors();
  document.getElementById('rule-state').textContent = '';
}

/** Shows a refusal's errors beside their fields: 422 lists every problem, 400 names one field by its JSON path. */
function showRefusal(answer, actionId, index) {
  const body = answer.body || {};
  if (Array.isArray(body.errors)) {
    const mine = body.errors.filter((error) => !error.actionId || error.actionId === actionId);
    mine.forEach((error) => showFieldError(error.field || 'other', error.message));
    return mine.length;
  }
  const path = body.field || '';
  const match = /^(?:actions)?\[(\d+)\]\.(\w+)/.exec(path.replace(/^actions\./, 'actions'));
  if (match && Number(match[1]) !== index) return 0;
  showFieldError(match ? match[2] : path.replace(/^.*\./, '') || 'other', body.message || problem(answer));
  return 1;
}

async function validate() {
  const run = ++checking;
  const actions = draftCatalog();
  const answer = await api('POST', '/v1/catalog/validate', { actions });
  if (run !== checking) return false;
  clearErrors();
  const state = document.getElementById('rule-state');
  if (answer.ok) {
    state.textContent = 'The action and its rule compile.';
    return true;
  }
  const shown = showRefusal(answer, actions[actions.length - 1].id, actions.length - 1);
  state.textContent = shown ? 'Fix the marked fields before publishing.' : problem(answer);
  return false;
}

function validateSoon() {
  clearTimeout(timer);
  timer = setTimeout(validate, 300);
}

async function refresh(selected) {
  const answer = await api('GET', '/v1/catalog/actions');
  if (!answer.ok) {
    say(message, problem(answer), 'error');
    return;
  }
  catalog = answer.body.actions;
  fill(pick, catalog.map((action) => el('option', { value: action.id, text: action.id })));
  const action = catalog.find((candidate) => candidate.id === selected) || catalog[0];
  if (action) {
    pick.value = action.id;
    load(action, false);
  }
  const bundle = await api('GET', '/v1/bundles/current');
  document.getElementById('bundle').textContent = 'Catalog version ' + answer.body.version
    + (bundle.ok ? '; bundle ' + bundle.body.version + ' is current' : '');
}

async function publish(event) {
  event.preventDefault();
  if (!(await validate())) {
    say(message, 'Not published: the draft has errors.', 'error');
    return;
  }
  const action = draft();
  if (!action.id) {
    showFieldError('id', 'is required');
    return;
  }
  const answer = await api('PUT', '/v1/catalog/actions/' + encodeURIComponent(action.id), action);
  if (!answer.ok) {
    showRefusal(answer, action.id, 0);
    say(message, 'Not published: ' + problem(answer), 'error');
    return;
  }
  say(message, 'Published ' + action.id + ' as catalog version ' + answer.body.version + ' (bundle sent to '
    + answer.body.publishedTo + ' stores).');
  await refresh(action.id);
}

async function remove() {
  const id = field('id').value;
  if (!id || !confirm('Delete action ' + id + '? Stores stop showing it with the next bundle.')) return;
  const answer = await api('DELETE', '/v1/catalog/actions/' + encodeURIComponent(id));
  if (!answer.ok) {
    say(message, problem(answer), 'error');
    return;
  }
  say(message, 'Deleted ' + id + '; catalog version ' + answer.body.version + '.');
  await refresh();
}

async function simulate(event) {
  event.preventDefault();
  const out = document.getElementById('s-message');
  let context;
  try {
    context = JSON.parse(document.getElementById('s-context').value || '{}');
  } catch (e) {
    say(out, 'Context facts: not JSON (' + e.message + ').', 'error');
    return;
  }
  const request = { profileId: document.getElementById('s-profile').value.trim(),
    channel: document.getElementById('s-channel').value, placement: document.getElementById('s-placement').value.trim(),
    context, catalog: { actions: draftCatalog() } };
  const store = document.getElementById('s-store').value.trim();
  if (store) request.store = store;
  const answer = await api('POST', '/v1/decisions/simulate', request);
  if (!answer.ok) {
    say(out, problem(answer), 'error');
    fill(document.getElementById('s-result'));
    return;
  }
  const chosen = (answer.body.actions || []).map((action) => action.actionId);
  say(out, chosen.length ? 'Would show: ' + chosen.join(', ') : 'Would show nothing.');
  const candidates = (answer.body.explanation && answer.body.explanation.candidates) || [];
  fill(document.getElementById('s-result'), table('Candidates in the simulation', [
    ['Action', (candidate) => candidate.actionId],
    ['Outcome', (candidate) => candidate.selected ? 'chosen' : 'removed at ' + (candidate.removedAt || '—')],
    ['Reason', (candidate) => candidate.reason],
  ], candidates, 'No candidate.'));
}

async function loadPolicies() {
  const answer = await api('GET', '/v1/catalog/policies');
  if (answer.ok) document.getElementById('p-json').value = JSON.stringify(answer.body, null, 2);
}

async function savePolicies(event) {
  event.preventDefault();
  const slot = document.getElementById('p-error');
  let policies;
  try {
    policies = JSON.parse(document.getElementById('p-json').value);
  } catch (e) {
    slot.textContent = 'Not JSON: ' + e.message;
    slot.hidden = false;
    return;
  }
  delete policies.version;
  const answer = await api('PUT', '/v1/catalog/policies', policies);
  if (!answer.ok) {
    const errors = (answer.body && answer.body.errors) || [];
    slot.textContent = errors.length ? errors.map((error) => error.field + ': ' + error.message).join('\n')
      : problem(answer);
    slot.hidden = false;
    return;
  }
  slot.hidden = true;
  say(message, 'Policies saved as catalog version ' + answer.body.version + '.');
  await loadPolicies();
}

page(async () => {
  pick.addEventListener('change', () => load(catalog.find((action) => action.id === pick.value), false));
  document.getElementById('new-action').addEventListener('click', () => {
    load({ category: 'sales', channels: ['kiosk'], placements: ['kiosk-offer'], eligibility: 'true',
      consentPurpose: 'marketing', timeToLive: 'PT15M' }, true);
    field('id').focus();
  });
  editor.addEventListener('input', validateSoon);
  editor.addEventListener('submit', publish);
  document.getElementById('delete').addEventListener('click', remove);
  document.getElementById('simulate').addEventListener('submit', simulate);
  document.getElementById('policies').addEventListener('submit', savePolicies);
  await refresh();
  await loadPolicies();
});
