// BibIA catalogue page: hash routes (#/?q=…, #/outil/<id>, #/produit/<id>, #/collectivite/<siren>,
// #/chiffres, #/carte), one view shown at a time, focus moved to the view's heading on navigation.
import { h, clear } from './dom.js';
import { initSearch, showSearch, PARAMS } from './search.js';
import { showTool, showProduct, showCollectivite } from './detail.js';
import { showStats } from './stats.js';
import { showMap } from './map.js';
import { harvestText } from './format.js';
import { initPartnerAccess } from './partner.js';

const VIEWS = ['search', 'tool', 'product', 'collectivite', 'stats', 'map'];
const $ = (id) => document.getElementById(id);
let lastSearch = '#/';
let firstRoute = true;

/** Adds to `known` the members of `more` it does not name yet. */
const union = (known, more) => [...known, ...more.filter((m) => !known.some((k) => k.siren === m.siren))];
const memberText = (m) => (m.name ? `${m.name} (SIREN ${m.siren})` : `SIREN ${m.siren}`);

/**
 * Names the members whose data is missing (`unavailable`) or may be out of date (`stale`: the
 * national index has not read them recently); `keep` adds to the current notice.
 */
function showNotice({ unavailable = [], stale = [] } = {}, keep = false) {
  const notice = $('notice');
  const known = keep ? JSON.parse(notice.dataset.members || '{"unavailable":[],"stale":[]}') : { unavailable: [], stale: [] };
  const members = { unavailable: union(known.unavailable, unavailable), stale: union(known.stale, stale) };
  notice.dataset.members = JSON.stringify(members);
  clear(notice);
  notice.hidden = members.unavailable.length === 0 && members.stale.length === 0;
  if (members.unavailable.length) {
    const many = members.unavailable.length > 1;
    notice.append(
      h('p', { class: 'notice-title' }, 'Résultats incomplets'),
      h('p', {}, many ? 'Ces registres membres n’ont pas répondu ; leurs outils manquent ci-dessous :' : 'Ce registre membre n’a pas répondu ; ses outils manquent ci-dessous :'),
      h('ul', {}, members.unavailable.map((m) => h('li', {}, memberText(m)))),
    );
  }
  if (members.stale.length) {
    const many = members.stale.length > 1;
    notice.append(
      h('p', { class: 'notice-title' }, 'Données peut-être anciennes'),
      h('p', {}, many
        ? 'Ces registres membres n’ont pas été relus récemment ; leurs outils sont montrés tels qu’ils étaient à la dernière lecture :'
        : 'Ce registre membre n’a pas été relu récemment ; ses outils sont montrés tels qu’ils étaient à la dernière lecture :'),
      h('ul', {}, members.stale.map((m) => h('li', {}, `${memberText(m)} : ${harvestText(m.harvestedAt)}`))),
    );
  }
}

function navigate(params) {
  const query = new URLSearchParams(Object.entries(params).filter(([k, v]) => PARAMS.includes(k) && v)).toString();
  const hash = `#/${query ? `?${query}` : ''}`;
  if (location.hash === hash) route();
  else location.hash = hash;
}

function show(view) {
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== view;
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  for (const back of document.querySelectorAll('[data-back]')) back.setAttribute('href', lastSearch);
  // After the first load, move focus to the new view's heading so keyboard and screen-reader
  // users land on what changed.
  if (!firstRoute) $(`${view}-title`).focus();
  firstRoute = false;
}

function route() {
  const hash = location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const ctx = { showNotice };
  showNotice();
  if (parts[0] === 'outil' && parts[1]) {
    show('tool');
    return showTool(parts[1], ctx);
  }
  if (parts[0] === 'produit' && parts[1]) {
    show('product');
    return showProduct(parts[1], ctx);
  }
  if (parts[0] === 'collectivite' && parts[1]) {
    show('collectivite');
    return showCollectivite(parts[1], ctx);
  }
  if (parts[0] === 'chiffres') {
    show('stats');
    document.title = 'La bibliothèque en chiffres — BibIA';
    return showStats(ctx);
  }
  if (parts[0] === 'carte') {
    show('map');
    document.title = 'Carte des collectivités membres — BibIA';
    return showMap(ctx);
  }
  lastSearch = hash;
  show('search');
  document.title = 'BibIA — Bibliothèque d’IA territoriales';
  return showSearch(Object.fromEntries(new URLSearchParams(query)));
}

initSearch({ navigate, showNotice });
initPartnerAccess(route);
window.addEventListener('hashchange', route);
route();
