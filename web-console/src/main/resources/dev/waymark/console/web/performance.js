import { api, el, fill, options, page, percent, problem, say, storeChoices, table } from '/app.js';

const DAY = 24 * 60 * 60 * 1000;
const message = document.getElementById('message');
const form = document.getElementById('period');
const charts = {};

function day(date) {
  return date.toISOString().slice(0, 10);
}

function uplift(block) {
  const value = block.uplift && block.uplift.value;
  if (value === null || value === undefined) return '—';
  const ci = block.uplift.ci95;
  return (value * 100).toFixed(1) + ' pts' + (ci ? ' [' + (ci[0] * 100).toFixed(1) + ', ' + (ci[1] * 100).toFixed(1)
    + ']' : ' (no interval: ' + (block.uplift.reason || 'too few decisions') + ')');
}

const COLUMNS = [
  ['Impressions', (block) => block.impressions],
  ['Accepts', (block) => block.accepts],
  ['Acceptance', (block) => percent(block.acceptanceRate)],
  ['Treated conv.', (block) => percent(block.treated.rate) + ' of ' + block.treated.n],
  ['Control conv.', (block) => percent(block.control.rate) + ' of ' + block.control.n],
  ['Uplift [95 % CI]', uplift],
  ['Latency p50 / p95 / p99 ms', (block) => block.latency && block.latency.count
    ? block.latency.p50 + ' / ' + block.latency.p95 + ' / ' + block.latency.p99 : '—'],
];

function rows(map, key) {
  return Object.entries(map || {}).map(([name, block]) => ({ [key]: name, ...block }));
}

function draw(id, config) {
  if (charts[id]) charts[id].destroy();
  if (!globalThis.Chart) return;
  charts[id] = new globalThis.Chart(document.getElementById(id), config);
}

function drawCharts(report) {
  const actions = rows(report.actions, 'action');
  draw('uplift-chart', { type: 'bar', data: { labels: actions.map((row) => row.action), datasets: [
    { label: 'uplift (pts)', data: actions.map((row) => row.uplift.value === null ? null : row.uplift.value * 100),
      backgroundColor: '#0b5cad' },
    { label: 'CI low', data: actions.map((row) => row.uplift.ci95 ? row.uplift.ci95[0] * 100 : null),
      type: 'line', showLine: false, pointStyle: 'line', pointRadius: 12, borderColor: '#1b1f24' },
    { label: 'CI high', data: actions.map((row) => row.uplift.ci95 ? row.uplift.ci95[1] * 100 : null),
      type: 'line', showLine: false, pointStyle: 'line', pointRadius: 12, borderColor: '#1b1f24' },
  ] }, options: { animation: false, responsive: true } });
  const latency = report.latency || {};
  draw('latency-chart', { type: 'bar', data: { labels: ['p50', 'p95', 'p99', 'max'], datasets: [
    { label: 'ms (' + (latency.count || 0) + ' impressions)',
      data: [latency.p50, latency.p95, latency.p99, latency.max].map((value) => value ?? null),
      backgroundColor: '#12652e' }] }, options: { animation: false, responsive: true } });
  const overall = report.overall;
  draw('funnel-chart', { type: 'bar', data: { labels: ['treated', 'impressions', 'accepts', 'conversions'],
    datasets: [{ label: 'count', data: [overall.treated.n, overall.impressions, overall.accepts,
      overall.treated.conversions], backgroundColor: '#7a4a00' }] },
  options: { animation: false, responsive: true, indexAxis: 'y' } });
  const journeys = rows(report.journeys, 'journey');
  draw('journey-chart', { type: 'bar', data: { labels: journeys.map((row) => row.journey), datasets: [
    { label: 'started', data: journeys.map((row) => row.started), backgroundColor: '#0b5cad' },
    { label: 'completed', data: journeys.map((row) => row.completed), backgroundColor: '#12652e' },
  ] }, options: { animation: false, responsive: true } });
}

async function show() {
  const query = new URLSearchParams({ from: new Date(form.elements.from.value).toISOString(),
    to: new Date(form.elements.to.value).toISOString() });
  const store = document.getElementById('store').value;
  const action = document.getElementById('action').value.trim();
  if (store) query.set('store', store);
  if (action) query.set('action', action);
  const answer = await api('GET', '/v1/kpis?' + query);
  if (!answer.ok) {
    say(message, problem(answer), 'error');
    return;
  }
  const report = answer.body;
  say(message, 'From ' + report.period.from + ' to ' + report.period.to + '; conversions count purchases within '
    + report.attributionWindow + ' of a decision.');
  fill(document.getElementById('overall'), table('Overall', [['Scope', () => store || document.getElementById('store').options[0].text], ...COLUMNS],
    [report.overall]));
  fill(document.getElementById('actions'), table('Per action', [['Action', (row) => row.action], ...COLUMNS],
    rows(report.actions, 'action'), 'No action was decided in this period.'));
  fill(document.getElementById('stores'), table('Per store', [['Store', (row) => row.store], ...COLUMNS],
    rows(report.stores, 'store'), 'No store had decisions in this period.'));
  fill(document.getElementById('journeys'), table('Journeys', [['Journey', (row) => row.journey],
    ['Started', (row) => row.started], ['Completed', (row) => row.completed], ['Completion', (row) => percent(row.rate)]],
  rows(report.journeys, 'journey'), 'No journey in this period.'));
  drawCharts(report);
}

page(async (session) => {
  const now = Date.now();
  form.elements.to.value = day(new Date(now + DAY));
  form.elements.from.value = day(new Date(now - 7 * DAY));
  options(document.getElementById('store'), await storeChoices(session, true),
    session.stores.includes('*') ? 'every store' : 'all my stores');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  await show();
});
