// "Télécharger ces résultats": every page of the current search (up to DOWNLOAD_CAP tools) as a
// CSV file (French labels, for a spreadsheet) or a JSON file (the API's values, for a program),
// built in the page and saved through a blob: link (nothing leaves the origin).
import { request } from './api.js';
import { themeText, statusText, riskText, algorithmText, regionText, departementText, plural } from './format.js';

/** The most tools one download holds (pages of PAGE_SIZE); past it, the file says it is cut. */
export const DOWNLOAD_CAP = 1000;
const PAGE_SIZE = 100;

/** Reads every page of a search, up to the cap: { tools, totalCount, unavailable, stale }. */
async function readAll(filter) {
  const tools = [];
  const unavailable = [];
  const stale = [];
  let after = null;
  let totalCount;
  for (;;) {
    const { data, unavailable: down, stale: old } = await request('SearchAiTools', { filter, first: Math.min(PAGE_SIZE, DOWNLOAD_CAP - tools.length), after });
    for (const m of down) if (!unavailable.some((x) => x.siren === m.siren)) unavailable.push(m);
    for (const m of old) if (!stale.some((x) => x.siren === m.siren)) stale.push(m);
    const page = data.aiTools;
    totalCount = page.totalCount;
    tools.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage || tools.length >= DOWNLOAD_CAP) break;
  }
  return { tools, totalCount, unavailable, stale };
}

/** A CSV cell: quoted when needed, and a leading = + - @ neutralised (spreadsheet formulas). */
function cell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const COLUMNS = [
  ['identifiant', (t) => t.id],
  ['nom', (t) => t.name],
  ['résumé', (t) => t.summary],
  ['collectivité', (t) => t.collectivite && t.collectivite.name],
  ['siren', (t) => t.collectivite && t.collectivite.siren],
  ['département', (t) => t.collectivite && departementText(t.collectivite.departement)],
  ['région', (t) => t.collectivite && regionText(t.collectivite.region)],
  ['thèmes', (t) => t.themes.map(themeText).join(' ; ')],
  ['statut', (t) => statusText(t.status)],
  ['niveau de risque', (t) => riskText(t.riskLevel)],
  ['type d’algorithme', (t) => algorithmText(t.algorithmType)],
  ['produit', (t) => t.product && (t.product.name || t.product.id)],
  ['mis à jour le', (t) => t.updatedAt],
  ['fiche', (t) => `${location.origin}/#/outil/${encodeURIComponent(t.id)}`],
];

export function toCsv(tools) {
  const lines = [COLUMNS.map(([name]) => cell(name)).join(',')];
  for (const t of tools) lines.push(COLUMNS.map(([, get]) => cell(get(t))).join(','));
  // A byte-order mark so that spreadsheets read UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function save(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/**
 * Downloads the search of `params` (the address's parameters) as `format` ('csv' or 'json');
 * resolves to the sentence that tells what the file holds.
 */
export async function downloadResults(format, params, filter) {
  const { tools, totalCount, unavailable, stale } = await readAll(filter);
  const stamp = new Date().toISOString().slice(0, 10);
  const name = `bibia-outils-${stamp}.${format}`;
  const truncated = totalCount > tools.length;
  if (format === 'json') {
    save(name, 'application/json', `${JSON.stringify({
      search: params,
      address: location.href,
      generatedAt: new Date().toISOString(),
      totalCount,
      included: tools.length,
      truncated,
      // Members whose tools are missing, or shown as last read by the national index.
      unavailableMembers: unavailable.map(({ siren, name: member }) => ({ siren, name: member || null })),
      staleMembers: stale,
      tools,
    }, null, 2)}\n`);
  } else {
    save(name, 'text/csv;charset=utf-8', toCsv(tools));
  }
  const parts = [`Fichier ${name} : ${plural(tools.length, 'outil', 'outils')}.`];
  if (truncated) parts.push(`La recherche en compte ${totalCount.toLocaleString('fr-FR')} : seuls les ${DOWNLOAD_CAP.toLocaleString('fr-FR')} premiers sont téléchargés ; affinez la recherche, ou utilisez l’API (bibia export) pour tout avoir.`);
  if (unavailable.length) parts.push(`Il manque les outils ${unavailable.length > 1 ? 'des registres qui n’ont pas répondu' : 'du registre qui n’a pas répondu'} (voir l’avertissement en haut de page).`);
  if (stale.length) parts.push(`Les outils ${stale.length > 1 ? 'de registres non relus récemment sont ceux de leur dernière lecture' : 'd’un registre non relu récemment sont ceux de sa dernière lecture'}.`);
  return parts.join(' ');
}
