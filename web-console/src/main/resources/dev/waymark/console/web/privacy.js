import { api, el, fill, page, problem, say, table, when } from '/app.js';

const message = document.getElementById('message');
const form = document.getElementById('lookup');

page(async () => {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const namespace = form.elements.namespace.value.trim();
    const identifier = form.elements.identifier.value.trim();
    if (!namespace || !identifier) {
      say(message, 'Enter a namespace and an identifier.', 'error');
      return;
    }
    const answer = await api('GET', '/v1/profiles/' + encodeURIComponent(namespace) + '/'
      + encodeURIComponent(identifier) + '/consents');
    if (!answer.ok) {
      say(message, answer.status === 404 ? 'No profile is known for that identifier.' : problem(answer), 'error');
      fill(document.getElementById('effective'));
      fill(document.getElementById('history'));
      return;
    }
    say(message, 'Profile ' + answer.body.profileId + '.');
    const effective = Object.entries(answer.body.effective || {}).flatMap(([purpose, channels]) =>
      Object.entries(channels).map(([channel, state]) => ({ purpose, channel, ...state })));
    fill(document.getElementById('effective'), table('Effective consent', [
      ['Purpose', (row) => row.purpose], ['Channel', (row) => row.channel], ['Status', (row) => row.status],
      ['Permitted', (row) => row.permitted ? 'yes' : 'no'], ['Source', (row) => row.source],
      ['Since', (row) => when(row.at)],
    ], effective, 'No consent recorded.'));
    const history = answer.body.history || [];
    const columns = [...new Set(history.flatMap((entry) => Object.keys(entry)))];
    fill(document.getElementById('history'), table('History, as recorded',
      columns.map((column) => [column, (entry) => typeof entry[column] === 'object' && entry[column] !== null
        ? JSON.stringify(entry[column]) : entry[column]]), history, 'No history.'));
  });
});
