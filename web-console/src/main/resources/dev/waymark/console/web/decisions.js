import { api, el, fill, page, problem, say, table, when } from '/app.js';

const STAGES = ['eligibility', 'consent', 'suppression', 'contact_policy', 'control_group', 'scoring', 'arbitration',
  'channel_choice'];
const message = document.getElementById('message');
const form = document.getElementById('search');

function link(decision) {
  return el('a', { href: '/decisions.html?id=' + encodeURIComponent(decision.decisionId), text: decision.decisionId });
}

async function search() {
  const query = new URLSearchParams({ limit: '100' });
  for (const name of ['device', 'store', 'profile']) {
    const value = form.elements[name].value.trim();
    if (value) query.set(name, value);
  }
  for (const name of ['from', 'to']) {
    const value = form.elements[name].value;
    if (value) query.set(name, new Date(value).toISOString());
  }
  const answer = await api('GET', '/v1/decisions?' + query);
  if (!answer.ok) {
    say(message, problem(answer), 'error');
    return;
  }
  say(message, answer.body.decisions.length + ' decisions, newest first.');
  fill(document.getElementById('results'), table('Decisions found', [
    ['Decision', link],
    ['Made', (decision) => when(decision.madeAt)],
    ['Store', (decision) => decision.store],
    ['Kiosk', (decision) => decision.device],
    ['Intent', (decision) => decision.intent],
    ['Status', (decision) => decision.status],
    ['Chosen', (decision) => (decision.chosen || []).join(', ') || '—'],
  ], answer.body.decisions, 'No decision matches.'));
}

function stage(candidate) {
  if (candidate.selected) return 'chosen';
  return candidate.removedAt ? 'removed at ' + candidate.removedAt.replace('_', ' ') : 'not chosen';
}

function byStage(left, right) {
  const rank = (candidate) => candidate.selected ? STAGES.length : STAGES.indexOf(candidate.removedAt);
  return rank(right) - rank(left);
}

async function show(id) {
  const answer = await api('GET', '/v1/decisions/' + encodeURIComponent(id));
  const section = document.getElementById('decision');
  if (!answer.ok) {
    say(message, answer.status === 404 ? 'There is no decision ' + id + '.' : problem(answer), 'error');
    section.hidden = true;
    return;
  }
  const decision = answer.body;
  const explanation = decision.explanation || {};
  const facts = [['Decision', decision.decisionId], ['Made', when(decision.madeAt)], ['Store', decision.store],
    ['Kiosk', decision.device], ['Channel / placement', decision.channel + ' / ' + decision.placement],
    ['Mode', decision.mode], ['Intent', decision.intent], ['Status', decision.status],
    ['Profile', decision.profileId], ['Segment', explanation.segment],
    ['Control group', decision.controlGroup ? 'yes (held out)' : 'no'],
    ['Catalog version', decision.catalogVersion], ['Note', explanation.note]];
  fill(document.getElementById('decision-facts'), el('dl', { id: 'facts', class: 'facts' }, facts
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: value })])));
  const candidates = [...(explanation.candidates || [])].sort(byStage);
  fill(document.getElementById('candidates'), table('Every candidate action, furthest stage first', [
    ['Action', (candidate) => candidate.actionId],
    ['Outcome', (candidate) => el('strong', { text: stage(candidate) })],
    ['Reason', (candidate) => candidate.reason],
    ['Score', (candidate) => candidate.score ? Number(candidate.score.score).toFixed(3) + ' (propensity '
      + Number(candidate.score.propensity).toFixed(3) + ' × value ' + candidate.score.value + ' × weight '
      + candidate.score.weight + ')' : null],
    ['Channel', (candidate) => candidate.channel],
  ], candidates, 'No action was a candidate.'));
  section.hidden = false;
}

page(async () => {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  const id = new URLSearchParams(location.search).get('id');
  if (id) await show(id);
  else await search();
});
