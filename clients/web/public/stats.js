// "La bibliothèque en chiffres": tools per theme, status and région, counted over every page of
// the national search (members only know their own tools), drawn as CSS bars in tables.
import { request } from './api.js';
import { h, clear } from './dom.js';
import { themeText, statusText, regionText, plural } from './format.js';

const $ = (id) => document.getElementById(id);

function count(nodes) {
  const by = { theme: new Map(), status: new Map(), region: new Map() };
  const add = (m, k) => m.set(k, (m.get(k) || 0) + 1);
  for (const n of nodes) {
    n.themes.forEach((t) => add(by.theme, t));
    add(by.status, n.status);
    add(by.region, (n.collectivite && n.collectivite.region) || '');
  }
  return by;
}

function chart(id, title, counts, label, total) {
  const rows = [...counts].sort((a, b) => b[1] - a[1] || label(a[0]).localeCompare(label(b[0]), 'fr'));
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const captionId = `${id}-caption`;
  return h('figure', { class: 'chart', id },
    h('figcaption', { id: captionId }, title),
    h('table', { 'aria-labelledby': captionId },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Catégorie'), h('th', { scope: 'col' }, 'Outils'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Part')))),
      h('tbody', {}, rows.map(([key, n]) => {
        const bar = h('span', { class: 'bar' });
        bar.style.width = `${(100 * n) / max}%`;
        return h('tr', {},
          h('th', { scope: 'row' }, label(key) || 'Non renseignée'),
          h('td', { class: 'num' }, n.toLocaleString('fr-FR')),
          h('td', { class: 'bar-cell', 'aria-hidden': 'true', title: `${Math.round((100 * n) / total)} %` }, bar));
      })),
    ),
  );
}

export async function showStats({ showNotice }) {
  const summary = $('stats-summary');
  const body = clear($('stats-body'));
  summary.textContent = 'Calcul des chiffres…';
  const nodes = [];
  const unavailable = [];
  let after = null;
  try {
    do {
      const { data, unavailable: missing } = await request('LibraryStatsPage', { first: 100, after });
      for (const m of missing) if (!unavailable.some((u) => u.siren === m.siren)) unavailable.push(m);
      nodes.push(...data.aiTools.edges.map((e) => e.node));
      after = data.aiTools.pageInfo.hasNextPage ? data.aiTools.pageInfo.endCursor : null;
    } while (after);
  } catch (err) {
    summary.textContent = `Les chiffres n’ont pas pu être calculés : ${err.message}`;
    return;
  }
  showNotice(unavailable);
  const by = count(nodes);
  const sirens = new Set(nodes.map((n) => n.collectivite.siren));
  summary.textContent = `${plural(nodes.length, 'outil publié', 'outils publiés')} par ${plural(sirens.size, 'collectivité', 'collectivités')}.`;
  body.append(
    chart('chart-theme', 'Outils par thème (un outil peut avoir plusieurs thèmes)', by.theme, themeText, nodes.length),
    chart('chart-status', 'Outils par statut', by.status, statusText, nodes.length),
    chart('chart-region', 'Outils par région', by.region, regionText, nodes.length),
  );
}
