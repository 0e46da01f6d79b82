// One tool or report: its form (create or edit), publish / withdraw / archive, its reports, and
// its version history with what changed from one version to the next.
import { h, say, show, table, formatDate } from './dom.js';
import { ApiError, catalogueProducts, gql } from './api.js';
import { buildForm } from './form.js';
import { FIELD_LABELS, REPORT_FIELDS, TOOL_FIELDS } from './fields.js';
import { ENUM_LABELS } from './labels.js';

const VERSION_FIELDS = 'number state change note createdAt data';
const KINDS = {
  tool: {
    fields: TOOL_FIELDS,
    path: 'outil',
    noun: 'outil',
    query: `query($id: ID!) { aiTool(id: $id) { id name state version completeness { filled total missing } pendingChanges { ${VERSION_FIELDS} } versions { ${VERSION_FIELDS} } practiceReports { id title state } } }`,
    root: 'aiTool',
    create: 'mutation($siren: String!, $input: AiToolInput!) { created: createAiTool(siren: $siren, input: $input) { id } }',
    update: 'mutation($id: ID!, $input: AiToolPatch!) { updated: updateAiTool(id: $id, input: $input) { id } }',
    actions: { publish: 'publishAiTool', withdraw: 'withdrawAiTool', archive: 'archiveAiTool' },
  },
  report: {
    fields: REPORT_FIELDS,
    path: 'rapport',
    noun: 'retour d’expérience',
    query: `query($id: ID!) { practiceReport(id: $id) { id title state version tool { id name state } pendingChanges { ${VERSION_FIELDS} } versions { ${VERSION_FIELDS} } } }`,
    root: 'practiceReport',
    create: 'mutation($toolId: ID!, $input: PracticeReportInput!) { created: createPracticeReport(toolId: $toolId, input: $input) { id } }',
    update: 'mutation($id: ID!, $input: PracticeReportPatch!) { updated: updatePracticeReport(id: $id, input: $input) { id } }',
    actions: { publish: 'publishPracticeReport', withdraw: 'withdrawPracticeReport', archive: 'archivePracticeReport' },
  },
};

const stateLabel = (s) => ENUM_LABELS.PublicationState?.[s] ?? s;
const isEmpty = (v) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** What a new record sends: only what was filled in. */
const filled = (input) => Object.fromEntries(Object.entries(input).filter(([, v]) => !isEmpty(v)));
const same = (a, b) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);
/** What a change sends: the fields that differ from the values shown (a patch changes only those), never null (the API cannot clear with it). */
const patchOf = (input, shown) => Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== null && !same(v, shown[k])));

export async function entryView(ctx, kind, id, params) {
  const k = KINDS[kind];
  const creating = id === 'nouveau';
  let entry = null;
  if (!creating) {
    entry = (await gql(k.query, { id }))[k.root];
    if (!entry) return show('Fiche introuvable', h('p', {}, `Aucun ${k.noun} « ${id} » dans ce registre.`), h('a', { href: '#/' }, 'Retour au tableau de bord'));
  }
  const toolId = kind === 'report' ? (entry?.tool?.id ?? params.get('outil')) : null;
  // The values shown are the latest saved: pending changes of a public entry, else its last version.
  const values = entry ? (entry.pendingChanges?.data ?? entry.versions.at(-1)?.data ?? {}) : {};
  const form = buildForm(kind, k.fields, values, { creating });
  if (kind === 'tool') form.element.append(await productList());
  const formEl = h('form', { novalidate: true }, form.element, h('div', { class: 'actions' }, h('button', { type: 'submit' }, creating ? 'Créer le brouillon' : 'Enregistrer les changements')));
  formEl.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = form.read();
    try {
      const d = creating
        ? await gql(k.create, kind === 'tool' ? { siren: ctx.owner.siren, input: filled(input) } : { toolId, input: filled(input) })
        : await gql(k.update, { id, input: patchOf(input, values) });
      const savedId = (d.created ?? d.updated).id;
      if (creating) location.hash = `#/${k.path}/${encodeURIComponent(savedId)}`;
      else await entryView(ctx, kind, id, params);
      say(creating ? 'Brouillon créé. Publiez-le quand il est prêt.' : 'Changements enregistrés (non publiés tant que vous ne publiez pas).');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      form.showErrors(err.fieldErrors, err.message);
    }
  });

  const title = creating ? (kind === 'tool' ? 'Nouvel outil' : 'Nouveau retour d’expérience') : `${kind === 'tool' ? 'Outil' : 'Retour d’expérience'} : ${entry.name ?? entry.title}`;
  show(title,
    h('p', {}, h('a', { href: '#/' }, 'Retour au tableau de bord')),
    kind === 'report' && toolId ? h('p', {}, 'Sur l’outil ', h('a', { href: `#/outil/${encodeURIComponent(toolId)}` }, entry?.tool?.name ?? toolId)) : null,
    entry ? summaryOf(entry) : null,
    entry ? actions(ctx, kind, entry, params) : null,
    h('h2', {}, 'Fiche'),
    formEl,
    kind === 'tool' && entry ? reportsOf(entry) : null,
    entry ? history(entry) : null);
}

/** The products of the national catalogue, offered by the product field (a datalist: any id may still be typed). */
async function productList() {
  const { available, products } = await catalogueProducts();
  const list = h('datalist', { id: 'catalogue-products' }, products.map((p) => h('option', { value: p.id }, p.name)));
  if (!available) list.dataset.unavailable = 'true';
  return list;
}

function summaryOf(entry) {
  return h('p', {},
    h('span', { class: 'badge' }, stateLabel(entry.state)), ` version ${entry.version}`,
    entry.pendingChanges ? ` — changements enregistrés non publiés (version ${entry.pendingChanges.number})` : '',
    entry.completeness ? ` — fiche remplie à ${entry.completeness.filled}/${entry.completeness.total}` : '');
}

function actions(ctx, kind, entry, params) {
  const k = KINDS[kind];
  const run = async (mutation, variables, done) => {
    try {
      await gql(`mutation($id: ID!${mutation === k.actions.withdraw ? ', $reason: String' : ''}) { ${mutation}(id: $id${mutation === k.actions.withdraw ? ', reason: $reason' : ''}) { id state } }`, { id: entry.id, ...variables });
      await entryView(ctx, kind, entry.id, params);
      say(done);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      say(`Refusé : ${err.message}`);
    }
  };
  if (entry.state === 'ARCHIVED') return h('p', {}, 'Fiche archivée : elle est conservée et ne change plus.');
  const buttons = [];
  if (entry.state !== 'PUBLISHED' || entry.pendingChanges) {
    buttons.push(h('button', { type: 'button', onclick: () => run(k.actions.publish, {}, 'Publié.') }, entry.state === 'PUBLISHED' ? 'Publier les changements' : 'Publier'));
  }
  const reason = h('input', { type: 'text', id: 'withdraw-reason', maxlength: '1000' });
  const withdraw = entry.state === 'PUBLISHED'
    ? h('div', { class: 'field' }, h('label', { for: 'withdraw-reason' }, 'Motif du retrait (facultatif, gardé dans l’historique)'), reason,
      h('button', { type: 'button', class: 'secondary', onclick: () => run(k.actions.withdraw, { reason: reason.value.trim() || null }, 'Retiré des listes publiques.') }, 'Retirer'))
    : null;
  buttons.push(h('button', { type: 'button', class: 'danger', onclick: () => run(k.actions.archive, {}, 'Archivé.') }, 'Archiver'));
  return h('section', { 'aria-label': 'Publication' }, h('div', { class: 'actions' }, buttons), withdraw);
}

function reportsOf(tool) {
  return h('section', { 'aria-labelledby': 'reports-title' },
    h('h2', { id: 'reports-title' }, `Retours d’expérience (${tool.practiceReports.length})`),
    h('ul', {}, tool.practiceReports.map((r) => h('li', {}, h('a', { href: `#/rapport/${encodeURIComponent(r.id)}` }, r.title), ` — ${stateLabel(r.state)}`))),
    h('a', { href: `#/rapport/nouveau?outil=${encodeURIComponent(tool.id)}` }, 'Ajouter un retour d’expérience'));
}

const shown = (v) => (isEmpty(v) ? '(non renseigné)' : typeof v === 'object' ? JSON.stringify(v, null, 1) : String(v));

/** The fields that differ between two versions' data. */
export function changedFields(before, after) {
  const names = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])];
  return names.filter((n) => JSON.stringify(before?.[n] ?? null) !== JSON.stringify(after?.[n] ?? null) && !(isEmpty(before?.[n]) && isEmpty(after?.[n])));
}

function history(entry) {
  const versions = [...entry.versions];
  if (entry.pendingChanges && !versions.some((v) => v.number === entry.pendingChanges.number)) versions.push(entry.pendingChanges);
  return h('section', { 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'Historique des versions'),
    table('Versions, de la plus ancienne à la plus récente', ['Version', 'Date', 'Événement', 'État', 'Motif'],
      versions.map((v) => [String(v.number), formatDate(v.createdAt), v.change, stateLabel(v.state), v.note])),
    versions.slice(1).map((v, i) => {
      const before = versions[i].data;
      const changed = changedFields(before, v.data);
      return h('details', { class: 'diff' },
        h('summary', {}, `Version ${v.number} par rapport à la version ${versions[i].number} : ${changed.length ? `${changed.length} champ(s) modifié(s)` : 'aucun champ modifié'}`),
        changed.length ? table(`Changements de la version ${v.number}`, ['Champ', 'Avant', 'Après'], changed.map((n) => [FIELD_LABELS[n] ?? n, h('del', {}, shown(before?.[n])), h('ins', {}, shown(v.data?.[n]))])) : null);
    }));
}
