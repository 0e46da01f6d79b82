// The tool, product and collectivité views.
import { request } from './api.js';
import { h, append, clear, fieldList, paragraphs } from './dom.js';
import {
  ALGORITHM_TYPE_LABELS, AI_ACT_ROLE_LABELS, AUTOMATION_LABELS, HOSTING_LABELS, IMPACT_ASSESSMENT_LABELS, STATE_LABELS, KIND_LABELS,
  PRODUCT_CATEGORY_LABELS, MEMBERSHIP_STATUS_LABELS,
} from './labels.js';
import { themeText, statusText, riskText, regionText, dateText, plural, collectiviteText, labelText, yesNoText, NOT_STATED } from './format.js';

const $ = (id) => document.getElementById(id);

/** A link only for http(s) addresses: the data is text, never a `javascript:` URL. */
function externalLink(url, text) {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' || u.protocol === 'http:') return h('a', { href: u.href, rel: 'noopener noreferrer' }, text || url);
  } catch {
    // not a URL: shown as text
  }
  return url;
}

function mailLink(email) {
  return /^[^\s@<>()]+@[^\s@<>()]+$/.test(email) ? h('a', { href: `mailto:${email}` }, email) : email;
}

const yesNo = yesNoText;

function section(title, ...content) {
  const body = content.flat().filter(Boolean);
  if (!body.length) return null;
  return h('section', { class: 'block' }, h('h2', {}, title), body);
}

function textSection(title, text) {
  return text && text.trim() ? section(title, paragraphs(text)) : null;
}

function collectiviteLink(c) {
  return h('a', { href: `#/collectivite/${encodeURIComponent(c.siren)}` }, collectiviteText(c));
}

/**
 * The part every detail view shares: a loading title, the request, the notice of missing
 * members, and a "not found" message. Resolves to the entity (its title set), or null.
 */
async function loadEntity(view, { loading, notFound, operation, variables, pick, missing, showNotice }) {
  const title = $(`${view}-title`);
  const body = clear($(`${view}-body`));
  title.textContent = loading;
  const fail = (message) => {
    title.textContent = notFound;
    body.append(h('p', { class: 'error', role: 'alert' }, message));
    return null;
  };
  let result;
  try {
    result = await request(operation, variables);
  } catch (err) {
    return fail(err.message);
  }
  showNotice(result);
  const entity = pick(result.data);
  if (!entity) return fail(missing(result.unavailable));
  title.textContent = entity.name;
  document.title = `${entity.name} — BibIA`;
  return { entity, body };
}

export async function showTool(id, { showNotice }) {
  const loaded = await loadEntity('tool', {
    loading: 'Chargement de l’outil…',
    notFound: 'Outil introuvable',
    operation: 'AiTool',
    variables: { id },
    pick: (data) => data.aiTool,
    missing: (down) => (down.length ? 'Le registre de la collectivité ne répond pas pour le moment.' : `Aucun outil n’a l’identifiant ${id}.`),
    showNotice,
  });
  if (!loaded) return;
  const { entity: t, body } = loaded;
  const c = t.collectivite;
  const dates = [t.startDate && `depuis le ${dateText(t.startDate)}`, t.endDate && `jusqu’au ${dateText(t.endDate)}`].filter(Boolean).join(', ');
  // Sections a tool or product lacks are null: `append` skips them (Element.append would print "null").
  append(body, [
    h('p', { class: 'lead' }, t.summary),
    section('En bref', fieldList([
      ['Collectivité', collectiviteLink(c)],
      ['Service', t.department],
      ['Thèmes', t.themes.length ? t.themes.map(themeText).join(', ') : NOT_STATED],
      ['Statut', `${statusText(t.status)}${dates ? ` (${dates})` : ''}`],
      ['Type d’algorithme', labelText(ALGORITHM_TYPE_LABELS, t.algorithmType)],
      ['Niveau de risque (AI Act)', riskText(t.riskLevel)],
      ['Rôle de la collectivité (AI Act)', labelText(AI_ACT_ROLE_LABELS, t.aiActRole)],
      ['Automatisation', labelText(AUTOMATION_LABELS, t.automationLevel)],
      ['Décisions individuelles', `${yesNo(t.individualDecisions)}${t.decisionsPerYear ? ` (${t.decisionsPerYear.toLocaleString('fr-FR')} par an)` : ''}`],
      ['Produit', t.product ? h('a', { href: `#/produit/${encodeURIComponent(t.product.id)}` }, t.product.name || t.product.id) : null],
      ['Fournisseur', t.provider ? `${t.provider.name}${t.provider.siren ? ` (SIREN ${t.provider.siren})` : ''}` : null],
      ['Hébergement', `${labelText(HOSTING_LABELS, t.hosting)}${t.hostingDetails ? ` — ${t.hostingDetails}` : ''}`],
      ['Logiciel libre', yesNo(t.openSource)],
      ['Code source', t.sourceCodeUrl ? externalLink(t.sourceCodeUrl) : null],
      ['Licence', t.licence],
      ['Contact', t.contactEmail ? mailLink(t.contactEmail) : null],
      ['Page de l’outil', t.websiteUrl ? externalLink(t.websiteUrl) : null],
    ])),
    textSection('Fonctionnement', t.description),
    textSection('Objectif', t.purpose),
    textSection('Public concerné', t.affectedPublic),
    textSection('Contrôle humain et recours', t.humanOversight),
    textSection('Base légale', t.legalBasis),
    section('Données utilisées', t.dataSources.length ? h('ul', {}, t.dataSources.map((d) =>
      h('li', {}, h('strong', {}, d.name), d.personalData ? ' (données personnelles)' : '', d.description ? ` : ${d.description}` : '')))
      : null),
    section('Analyses d’impact', t.impactAssessments.length ? h('ul', {}, t.impactAssessments.map((a) =>
      h('li', {}, IMPACT_ASSESSMENT_LABELS[a.type] || a.type, a.date ? `, ${dateText(a.date)}` : '', a.url ? [' — ', externalLink(a.url, 'document')] : '')))
      : null),
    reportsSection(t.practiceReports),
    h('p', { class: 'meta' }, `${STATE_LABELS[t.state] || t.state}, version ${t.version}, mise à jour le ${dateText(t.updatedAt)}. Identifiant : `, h('code', {}, t.id)),
  ]);
}

function reportsSection(reports) {
  const heading = h('h2', {}, `Retours d’expérience (${reports.length})`);
  if (!reports.length) return h('section', { class: 'block' }, heading, h('p', {}, 'Pas encore de retour d’expérience publié sur cet outil.'));
  return h('section', { class: 'block reports' }, heading, reports.map((r) =>
    h('article', { class: 'report' },
      h('h3', {}, r.title),
      r.visibility === 'PARTNERS' ? h('p', { class: 'partners-only' }, 'Réservé aux partenaires') : null,
      h('p', { class: 'meta' }, `${dateText(r.reportDate)}${r.authorRole ? ` — ${r.authorRole}` : ''}`),
      [
        ['Contexte', r.context], ['Ce qui a été fait', r.whatWasDone], ['Résultats', r.results], ['Coûts', r.costs],
        ['Enseignements', r.lessons], ['Éthique', r.ethics], ['Formation des agents', r.staffTraining],
        ['Effets sur les emplois', r.jobImpact], ['Dialogue social', r.socialDialogue],
      ].filter(([, text]) => text && text.trim()).map(([label, text]) => [h('h4', {}, label), paragraphs(text)]),
      r.indicators.length ? [h('h4', {}, 'Indicateurs'), h('table', { class: 'indicators' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Indicateur'), h('th', { scope: 'col' }, 'Valeur'))),
        h('tbody', {}, r.indicators.map((i) => h('tr', {}, h('th', { scope: 'row' }, i.name), h('td', {}, `${i.value.toLocaleString('fr-FR')} ${i.unit}`.trim())))))] : null,
      h('p', {}, `Représentants du personnel consultés : ${yesNo(r.staffConsulted)}.`),
    )));
}

export async function showProduct(id, { showNotice }) {
  const loaded = await loadEntity('product', {
    loading: 'Chargement du produit…',
    notFound: 'Produit introuvable',
    operation: 'AiProduct',
    variables: { id },
    pick: (data) => data.aiProduct,
    missing: () => `Aucun produit n’a l’identifiant ${id} dans le catalogue partagé.`,
    showNotice,
  });
  if (!loaded) return;
  const { entity: p, body } = loaded;
  const deployments = [...p.deployments].sort((a, b) => collectiviteText(a.collectivite).localeCompare(collectiviteText(b.collectivite), 'fr'));
  append(body, [
    p.description ? h('p', { class: 'lead' }, p.description) : null,
    fieldList([
      ['Éditeur', `${p.vendor.name}${p.vendor.siren ? ` (SIREN ${p.vendor.siren})` : ''}`],
      ['Catégorie', PRODUCT_CATEGORY_LABELS[p.category] || p.category],
      ['Logiciel libre', yesNo(p.openSource)],
      ['Hébergements possibles', p.hosting.map((x) => HOSTING_LABELS[x] || x).join(', ')],
      ['Site', p.website ? externalLink(p.website) : null],
      ['Identifiant', h('code', {}, p.id)],
    ]),
    h('section', { class: 'block' },
      h('h2', {}, `Collectivités qui l’utilisent (${new Set(deployments.map((d) => d.collectivite.siren)).size})`),
      deployments.length
        ? h('ul', { class: 'deployments' }, deployments.map((d) => h('li', {},
          collectiviteLink(d.collectivite), ' : ', h('a', { href: `#/outil/${encodeURIComponent(d.id)}` }, d.name), ` — ${statusText(d.status)}`)))
        : h('p', {}, 'Aucune collectivité membre ne déclare l’utiliser pour le moment.'),
      h('p', {}, h('a', { href: `#/?product=${encodeURIComponent(p.id)}` }, 'Rechercher parmi ces outils')),
    ),
  ]);
}

export async function showCollectivite(siren, { showNotice }) {
  const loaded = await loadEntity('collectivite', {
    loading: 'Chargement de la collectivité…',
    notFound: 'Collectivité introuvable',
    operation: 'Collectivite',
    variables: { siren },
    pick: (data) => data.collectivite,
    missing: () => `Aucune collectivité n’a le SIREN ${siren} dans l’annuaire.`,
    showNotice,
  });
  if (!loaded) return;
  const { entity: c, body } = loaded;
  const stats = c.registryStats;
  const tools = c.aiTools ? c.aiTools.edges.map((e) => e.node) : [];
  append(body, [
    fieldList([
      ['Type', KIND_LABELS[c.kind] || c.kind],
      ['Département', c.departement ? `${c.departementName ? `${c.departementName} ` : ''}(${c.departement})` : null],
      ['Région', c.regionName || regionText(c.region)],
      ['Population', c.population ? `${c.population.toLocaleString('fr-FR')} habitants` : null],
      ['Site', c.website ? externalLink(c.website) : null],
      ['SIREN', c.siren],
      ['Adhésion à BibIA', c.membership ? MEMBERSHIP_STATUS_LABELS[c.membership.status] || c.membership.status : 'non membre'],
      ['Registre', stats ? `${plural(stats.toolCount, 'outil publié', 'outils publiés')}, ${plural(stats.reportCount, 'retour d’expérience', 'retours d’expérience')}` : 'registre indisponible'],
    ]),
    h('section', { class: 'block' },
      h('h2', {}, c.aiTools ? `Ses outils (${c.aiTools.totalCount})` : 'Ses outils'),
      tools.length
        ? h('ul', {}, tools.map((t) => h('li', {}, h('a', { href: `#/outil/${encodeURIComponent(t.id)}` }, t.name), ` — ${statusText(t.status)}, ${riskText(t.riskLevel)}`)))
        : h('p', {}, c.aiTools ? 'Aucun outil publié.' : 'Le registre de cette collectivité ne répond pas pour le moment.'),
      c.aiTools && c.aiTools.pageInfo.hasNextPage ? h('p', {}, h('a', { href: `#/?siren=${encodeURIComponent(c.siren)}` }, 'Voir tous ses outils')) : null,
    ),
  ]);
}
