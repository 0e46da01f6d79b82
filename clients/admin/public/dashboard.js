// The register at a glance: tools and reports by state, changes not yet published, completeness.
import { h, show, table, formatDate } from './dom.js';
import { gql } from './api.js';
import { ENUM_LABELS } from './labels.js';

const STATES = ['DRAFT', 'PUBLISHED', 'WITHDRAWN', 'ARCHIVED'];

const QUERY = `query Dashboard($filter: AiToolFilter, $reports: PracticeReportFilter, $after: String, $afterReports: String) {
  aiTools(filter: $filter, first: 100, after: $after) { edges { node { id name state version updatedAt completeness { filled total missing } pendingChanges { number } } } pageInfo { hasNextPage endCursor } }
  practiceReports(filter: $reports, first: 100, after: $afterReports, orderBy: RECENT) { edges { node { id title state version updatedAt tool { id name } pendingChanges { number } } } pageInfo { hasNextPage endCursor } }
}`;

/** Every tool and report of the registry, all states, every page followed. */
export async function loadRegister(siren) {
  const tools = [];
  const reports = [];
  let after = null;
  let afterReports = null;
  for (;;) {
    const d = await gql(QUERY, { filter: { sirens: [siren], states: STATES }, reports: { sirens: [siren], states: STATES }, after, afterReports });
    if (after !== undefined) tools.push(...d.aiTools.edges.map((e) => e.node));
    if (afterReports !== undefined) reports.push(...d.practiceReports.edges.map((e) => e.node));
    after = d.aiTools.pageInfo.hasNextPage ? d.aiTools.pageInfo.endCursor : undefined;
    afterReports = d.practiceReports.pageInfo.hasNextPage ? d.practiceReports.pageInfo.endCursor : undefined;
    if (after === undefined && afterReports === undefined) return { tools, reports };
  }
}

const stateLabel = (s) => ENUM_LABELS.PublicationState?.[s] ?? s;

function counts(title, items) {
  return h('section', { 'aria-labelledby': `${title}-counts` },
    h('h2', { id: `${title}-counts` }, title === 'outils' ? 'Outils par état' : 'Retours d’expérience par état'),
    h('ul', { class: 'counts' }, STATES.map((s) => h('li', {}, h('strong', {}, String(items.filter((i) => i.state === s).length)), stateLabel(s)))));
}

export async function dashboardView(ctx) {
  const { tools, reports } = await loadRegister(ctx.owner.siren);
  const pending = [...tools.filter((t) => t.pendingChanges || t.state === 'DRAFT'), ...reports.filter((r) => r.pendingChanges || r.state === 'DRAFT')];
  const link = (kind, e) => h('a', { href: `#/${kind}/${encodeURIComponent(e.id)}` }, e.name ?? e.title);
  show('Tableau de bord',
    h('p', {}, h('a', { href: '#/outil/nouveau', class: 'button' }, 'Créer un outil'), ' ', h('a', { href: '#/import' }, 'Importer ou exporter un tableur')),
    counts('outils', tools),
    counts('retours', reports),
    h('h2', {}, `À publier (${pending.length})`),
    pending.length
      ? table('Brouillons et changements enregistrés non publiés', ['Fiche', 'État', 'Ce qui attend'], pending.map((e) => [link(e.name ? 'outil' : 'rapport', e), stateLabel(e.state), e.state === 'DRAFT' ? 'brouillon jamais publié' : `version ${e.pendingChanges.number} non publiée`]))
      : h('p', {}, 'Rien en attente : tout ce qui est enregistré est publié.'),
    h('h2', {}, `Outils (${tools.length})`),
    table('Outils du registre et complétude de leur fiche', ['Outil', 'État', 'Version', 'Complétude', 'Modifié le'],
      tools.map((t) => [link('outil', t), stateLabel(t.state), String(t.version), `${t.completeness.filled}/${t.completeness.total}${t.completeness.missing.length ? ` (manque ${t.completeness.missing.length})` : ''}`, formatDate(t.updatedAt)])),
    h('h2', {}, `Retours d’expérience (${reports.length})`),
    table('Retours d’expérience du registre', ['Retour', 'Outil', 'État', 'Modifié le'],
      reports.map((r) => [link('rapport', r), r.tool ? r.tool.name : '', stateLabel(r.state), formatDate(r.updatedAt)])));
}
