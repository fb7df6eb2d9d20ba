import { api, problem, say } from '/app.js';

// Only a path on this console: never an absolute or protocol-relative URL from the query string.
function next() {
  const wanted = new URLSearchParams(location.search).get('next') || '';
  return /^\/(?![/\\])/.test(wanted) && !wanted.startsWith('/index.html') ? wanted : '/overview.html';
}

const form = document.getElementById('sign-in');
const message = document.getElementById('message');

api('GET', '/v1/session').then((answer) => {
  if (answer.ok) location.replace(next());
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = form.elements.name.value.trim();
  const password = form.elements.password.value;
  if (!name || !password) {
    say(message, 'Enter your user name and password.', 'error');
    (name ? form.elements.password : form.elements.name).focus();
    return;
  }
  document.getElementById('submit').disabled = true;
  say(message, 'Signing in…');
  const answer = await api('POST', '/v1/session', { name, password });
  document.getElementById('submit').disabled = false;
  if (answer.ok) {
    location.assign(next());
    return;
  }
  form.elements.password.value = '';
  say(message, answer.status === 401 ? 'The user name or password is wrong, or the account is locked for a while.'
    : problem(answer), 'error');
  form.elements.password.focus();
});
