// "La bibliothèque en chiffres": the national figures in one query (`libraryStats`, computed by
// the hub's national index), drawn as SVG charts each readable as a table, with how fresh they
// are. The map (map.js) reads the same figures.
import { request } from './api.js';
import { h, clear } from './dom.js';
import { barChart, timeChart } from './charts.js';
import { themeText, statusText, riskText, algorithmText, hostingText, regionText, departementText, plural, dateTimeText, harvestText } from './format.js';

const $ = (id) => document.getElementById(id);

/** « Données nationales à jour au …, sauf … »: the members the index has not read recently. */
function showFreshness(note, at, stale) {
  clear(note);
  note.classList.toggle('stale', stale.length > 0);
  note.hidden = false;
  const text = `Données nationales à jour au ${dateTimeText(at)}`;
  if (!stale.length) return note.append(h('p', {}, `${text}.`));
  const name = (m) => (m.name ? `${m.name} (SIREN ${m.siren})` : `SIREN ${m.siren}`);
  note.append(
    h('p', {}, `${text}, sauf pour ${stale.length > 1 ? 'ces registres membres, comptés tels qu’ils étaient à leur dernière lecture' : 'ce registre membre, compté tel qu’il était à sa dernière lecture'} :`),
    h('ul', {}, stale.map((m) => h('li', {}, `${name(m)} : ${harvestText(m.harvestedAt)}`))),
  );
}

/**
 * The national figures for a view: "calculating" in `summary`, then the figures (null when they
 * could not be had: `summary` says why), the notice of members that did not answer, and the
 * freshness note in `freshness`.
 */
export async function loadLibraryStats({ summary, freshness, showNotice }) {
  clear(freshness).hidden = true;
  summary.textContent = 'Calcul des chiffres…';
  let result;
  try {
    result = await request('LibraryStats', {});
  } catch (err) {
    // The hub's national index computes them; when it cannot answer, the hub says so in English.
    summary.textContent = err.code === 'INDEX_UNAVAILABLE'
      ? 'Les chiffres nationaux ne sont pas disponibles pour le moment ; réessayez dans un instant.'
      : `Les chiffres n’ont pas pu être calculés : ${err.message}`;
    return null;
  }
  const { data, unavailable, stale } = result;
  showNotice({ unavailable });
  showFreshness(freshness, new Date(), stale);
  return data.libraryStats;
}

const search = (name) => (key) => `#/?${new URLSearchParams({ [name]: key })}`;

export async function showStats({ showNotice }) {
  const summary = $('stats-summary');
  const body = clear($('stats-body'));
  const s = await loadLibraryStats({ summary, freshness: $('stats-freshness'), showNotice });
  if (!s) return;
  const total = s.toolCount;
  summary.textContent = `${plural(total, 'outil publié', 'outils publiés')} par ${plural(s.memberCount, 'collectivité', 'collectivités')} ; ${plural(s.reportCount, 'retour d’expérience publié', 'retours d’expérience publiés')}.`;
  body.append(
    barChart('chart-theme', 'Outils par thème (un outil peut avoir plusieurs thèmes)', s.byTheme, { label: themeText, link: search('theme'), total }),
    barChart('chart-status', 'Outils par statut', s.byStatus, { label: statusText, link: search('status'), total }),
    barChart('chart-risk', 'Outils par niveau de risque (AI Act)', s.byRiskLevel, { label: riskText, link: search('risk'), total }),
    timeChart('chart-published', 'Outils publiés au fil du temps', s.byPublicationMonth),
    barChart('chart-region', 'Outils par région', s.byRegion, { label: regionText, link: search('region'), total }),
    barChart('chart-departement', 'Outils par département', s.byDepartement, { label: departementText, link: search('departement'), total }),
    barChart('chart-algorithm', 'Outils par type d’algorithme', s.byAlgorithmType, { label: algorithmText, total }),
    barChart('chart-hosting', 'Outils par hébergement', s.byHosting, { label: hostingText, total }),
  );
}
