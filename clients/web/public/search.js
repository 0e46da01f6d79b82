// The search view: the form, the filters, the results and "Plus de résultats".
import { request } from './api.js';
import { h, clear } from './dom.js';
import { THEME_LABELS, RISK_LABELS, STATUS_LABELS, REGION_NAMES } from './labels.js';
import { themeText, statusText, riskText, plural, collectiviteText } from './format.js';
import { downloadResults } from './download.js';

const PAGE_SIZE = 20;
export const PARAMS = ['q', 'theme', 'risk', 'status', 'region', 'departement', 'product', 'siren'];

const $ = (id) => document.getElementById(id);
let state = { params: {}, after: null, shown: 0, total: 0, generation: 0 };
let showNotice = () => {};

function fillSelect(select, entries) {
  for (const [value, label] of entries) select.append(h('option', { value }, label));
}

/** Products for the product filter, from the directory's catalogue (the filter stays usable without it). */
async function loadProducts() {
  try {
    const { data } = await request('AiProducts', { first: 100 });
    const products = data.aiProducts.edges.map((e) => e.node);
    // Replaces a product kept by its id (see showSearch) with the catalogue's names.
    for (const option of [...$('f-product').options]) if (option.value) option.remove();
    fillSelect($('f-product'), products.map((p) => [p.id, p.vendor && p.vendor.name && p.vendor.name !== p.name ? `${p.name} (${p.vendor.name})` : p.name]));
    const wanted = state.params.product;
    if (wanted) $('f-product').value = wanted;
  } catch {
    // No catalogue: the select keeps "Tous les produits"; a product link still filters by id.
  }
}

export function initSearch(options) {
  showNotice = options.showNotice;
  fillSelect($('f-theme'), Object.entries(THEME_LABELS).sort((a, b) => a[1].localeCompare(b[1], 'fr')));
  fillSelect($('f-risk'), Object.entries(RISK_LABELS));
  fillSelect($('f-status'), Object.entries(STATUS_LABELS));
  fillSelect($('f-region'), Object.entries(REGION_NAMES).sort((a, b) => a[1].localeCompare(b[1], 'fr')));
  loadProducts();
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    // What the form says, even empty (that is how a search or a filter is cleared); the
    // collectivité (`siren`, from a collectivité's page) is not in the form and is kept.
    const form = new FormData($('search-form'));
    const params = {};
    for (const name of PARAMS) {
      const value = String((name === 'siren' ? state.params.siren : form.get(name)) || '').trim();
      if (value) params[name] = value;
    }
    if (params.departement && !$('f-departement').checkValidity()) {
      $('f-departement').focus();
      $('f-departement').reportValidity();
      return;
    }
    options.navigate(params);
  });
  $('search-form').addEventListener('reset', () => {
    setTimeout(() => options.navigate({}), 0);
  });
  $('more').addEventListener('click', () => loadPage(false));
  for (const format of ['csv', 'json']) $(`download-${format}`).addEventListener('click', () => download(format));
}

async function download(format) {
  const status = $('download-status');
  const buttons = [$('download-csv'), $('download-json')];
  for (const b of buttons) b.disabled = true;
  status.textContent = 'Préparation du fichier…';
  try {
    status.textContent = await downloadResults(format, state.params, toFilter(state.params));
  } catch (err) {
    status.textContent = `Le téléchargement a échoué : ${err.message}`;
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

function toFilter(p) {
  const filter = {};
  if (p.q) filter.search = p.q;
  if (p.theme) filter.themes = [p.theme];
  if (p.risk) filter.riskLevels = [p.risk];
  if (p.status) filter.statuses = [p.status];
  if (p.region) filter.region = p.region;
  if (p.departement) filter.departement = p.departement.toUpperCase();
  if (p.product) filter.productId = p.product;
  if (p.siren) filter.sirens = [p.siren];
  return filter;
}

/** Shows the search view for these parameters (from the address), and runs the search. */
export function showSearch(params) {
  state = { params, after: null, shown: 0, total: 0, generation: state.generation + 1 };
  $('q').value = params.q || '';
  $('f-theme').value = params.theme || '';
  $('f-risk').value = params.risk || '';
  $('f-status').value = params.status || '';
  $('f-region').value = params.region || '';
  $('f-departement').value = params.departement || '';
  // A product the list does not name (not loaded yet, or unknown) stays selected, by its id.
  if (params.product && ![...$('f-product').options].some((o) => o.value === params.product)) fillSelect($('f-product'), [[params.product, params.product]]);
  $('f-product').value = params.product || '';
  clear($('results'));
  $('download-status').textContent = '';
  return loadPage(true);
}

function resultItem(tool, index) {
  const titleId = `result-${index}`;
  const c = tool.collectivite;
  return h('li', { class: 'result' },
    h('article', { 'aria-labelledby': titleId },
      h('h3', { id: titleId }, h('a', { href: `#/outil/${encodeURIComponent(tool.id)}` }, tool.name)),
      h('p', { class: 'meta' }, collectiviteText(c)),
      h('p', { class: 'summary' }, tool.summary),
      h('ul', { class: 'tags', 'aria-label': 'Caractéristiques' },
        h('li', { class: `tag status status-${tool.status}` }, statusText(tool.status)),
        h('li', { class: `tag risk risk-${tool.riskLevel}` }, riskText(tool.riskLevel)),
        tool.themes.map((t) => h('li', { class: 'tag theme' }, themeText(t))),
      ),
    ),
  );
}

async function loadPage(first) {
  const generation = state.generation;
  const count = $('result-count');
  const more = $('more');
  more.disabled = true;
  if (first) count.textContent = 'Recherche en cours…';
  try {
    const { data, unavailable, stale } = await request('SearchAiTools', { filter: toFilter(state.params), first: PAGE_SIZE, after: state.after });
    if (generation !== state.generation) return;
    showNotice({ unavailable, stale }, !first);
    const page = data.aiTools;
    const list = $('results');
    const start = state.shown;
    page.edges.forEach((edge, i) => list.append(resultItem(edge.node, start + i)));
    state.shown += page.edges.length;
    state.total = page.totalCount;
    state.after = page.pageInfo.endCursor;
    more.hidden = !page.pageInfo.hasNextPage;
    $('download').hidden = state.total === 0;
    more.disabled = false;
    count.textContent = state.total === 0
      ? 'Aucun outil ne correspond à cette recherche.'
      : `${plural(state.total, 'outil correspond', 'outils correspondent')} à la recherche ; ${plural(state.shown, 'affiché', 'affichés')}.`;
    if (!first && page.edges.length) list.children[start].querySelector('a').focus();
  } catch (err) {
    if (generation !== state.generation) return;
    more.disabled = false;
    count.textContent = `La recherche a échoué : ${err.message}`;
  }
}
