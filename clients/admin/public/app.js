// The back-office: hash routes (#/, #/outil/nouveau, #/outil/<id>, #/rapport/nouveau?outil=<id>,
// #/rapport/<id>, #/import), each one view; the sign-in screen until a session exists.
import { h, say, show } from './dom.js';
import { ApiError, currentSession, signIn, signOut } from './api.js';
import { dashboardView } from './dashboard.js';
import { entryView } from './entry.js';
import { importView } from './importView.js';

const state = { session: null };

function signInView(message) {
  const error = h('p', { class: 'error', id: 'token-error', role: 'alert', hidden: !message }, message || '');
  const input = h('input', { type: 'password', id: 'token', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'token-help token-error' });
  const form = h('form', { id: 'sign-in' },
    h('div', { class: 'field' },
      h('label', { for: 'token' }, 'Jeton de publication'),
      h('p', { class: 'help', id: 'token-help' }, 'Le jeton que l’administrateur du registre vous a remis (bibia_pub_…). Il reste sur ce serveur : la page ne le garde pas.'),
      input, error),
    h('button', { type: 'submit' }, 'Se connecter'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      state.session = await signIn(input.value.trim());
      input.value = '';
      signedIn();
      route();
    } catch (err) {
      error.hidden = false;
      error.textContent = err.message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  });
  show('Connexion au back-office', h('p', {}, `Registre de ${state.session?.owner?.name ?? 'la collectivité'} : saisissez votre jeton de publication pour gérer les outils et retours d’expérience.`), form);
}

function signedIn() {
  document.getElementById('main-nav').hidden = !state.session?.signedIn;
}

async function route() {
  say('');
  if (!state.session?.signedIn) return signInView();
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  const ctx = { owner: state.session.owner };
  try {
    if (path === '/' || path === '') return await dashboardView(ctx);
    if (path === '/import') return importView(ctx);
    const m = /^\/(outil|rapport)\/(.+)$/.exec(path);
    if (m) return await entryView(ctx, m[1] === 'outil' ? 'tool' : 'report', decodeURIComponent(m[2]), params);
    show('Page introuvable', h('p', {}, h('a', { href: '#/' }, 'Retour au tableau de bord')));
  } catch (err) {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
      state.session = null;
      signedIn();
      return signInView('Votre session a expiré : reconnectez-vous.');
    }
    show('Erreur', h('p', { class: 'error', role: 'alert' }, err.message));
  }
}

async function start() {
  document.getElementById('sign-out').addEventListener('click', async () => {
    await signOut();
    state.session = { signedIn: false, owner: state.session?.owner };
    signedIn();
    location.hash = '#/';
    signInView();
    say('Vous êtes déconnecté.');
  });
  try {
    state.session = await currentSession();
  } catch (err) {
    show('Registre injoignable', h('p', { class: 'error', role: 'alert' }, err.message));
    return;
  }
  document.getElementById('owner-name').textContent = state.session.owner ? `— ${state.session.owner.name}` : '';
  signedIn();
  window.addEventListener('hashchange', route);
  route();
}

start();
