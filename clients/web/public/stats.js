// "La bibliothèque en chiffres": the national figures in one query (`libraryStats`, computed by
// the hub's national index), drawn as CSS bars in tables, with how fresh they are.
import { request } from './api.js';
import { h, clear } from './dom.js';
import { themeText, statusText, riskText, algorithmText, hostingText, regionText, departementText, plural, dateTimeText, harvestText } from './format.js';

const $ = (id) => document.getElementById(id);

function chart(id, title, counts, label, total) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const captionId = `${id}-caption`;
  return h('figure', { class: 'chart', id },
    h('figcaption', { id: captionId }, title),
    h('table', { 'aria-labelledby': captionId },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Catégorie'), h('th', { scope: 'col' }, 'Outils'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Part')))),
      // The index sorts by decreasing count, then key.
      h('tbody', {}, counts.map(({ key, count }) => {
        const bar = h('span', { class: 'bar' });
        bar.style.width = `${(100 * count) / max}%`;
        return h('tr', {},
          h('th', { scope: 'row' }, label(key) || 'Non renseignée'),
          h('td', { class: 'num' }, count.toLocaleString('fr-FR')),
          h('td', { class: 'bar-cell', 'aria-hidden': 'true', title: `${total ? Math.round((100 * count) / total) : 0} %` }, bar));
      })),
    ),
  );
}

/** « Données nationales à jour au …, sauf … »: the members the index has not read recently. */
function showFreshness(at, stale) {
  const note = clear($('stats-freshness'));
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

export async function showStats({ showNotice }) {
  const summary = $('stats-summary');
  const body = clear($('stats-body'));
  clear($('stats-freshness')).hidden = true;
  summary.textContent = 'Calcul des chiffres…';
  let result;
  try {
    result = await request('LibraryStats', {});
  } catch (err) {
    // The hub's national index computes them; when it cannot answer, the hub says so in English.
    summary.textContent = err.code === 'INDEX_UNAVAILABLE'
      ? 'Les chiffres nationaux ne sont pas disponibles pour le moment ; réessayez dans un instant.'
      : `Les chiffres n’ont pas pu être calculés : ${err.message}`;
    return;
  }
  const { data, unavailable, stale } = result;
  showNotice({ unavailable });
  const s = data.libraryStats;
  const total = s.toolCount;
  summary.textContent = `${plural(total, 'outil publié', 'outils publiés')} par ${plural(s.memberCount, 'collectivité', 'collectivités')} ; ${plural(s.reportCount, 'retour d’expérience publié', 'retours d’expérience publiés')}.`;
  showFreshness(new Date(), stale);
  body.append(
    chart('chart-theme', 'Outils par thème (un outil peut avoir plusieurs thèmes)', s.byTheme, themeText, total),
    chart('chart-status', 'Outils par statut', s.byStatus, statusText, total),
    chart('chart-risk', 'Outils par niveau de risque (AI Act)', s.byRiskLevel, riskText, total),
    chart('chart-algorithm', 'Outils par type d’algorithme', s.byAlgorithmType, algorithmText, total),
    chart('chart-hosting', 'Outils par hébergement', s.byHosting, hostingText, total),
    chart('chart-region', 'Outils par région', s.byRegion, regionText, total),
    chart('chart-departement', 'Outils par département', s.byDepartement, departementText, total),
  );
}
