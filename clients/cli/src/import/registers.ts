import type { ColumnSpec, Standard } from './columns';

/*
 * The published registers whose files `bibia import` reads as they are: the Dutch
 * Algoritmeregister (standard 1.0 and the older 0.2 export) and the UK Algorithmic Transparency
 * Recording Standard. Their columns with no BibIA field are kept in `sourceExtra`.
 */

const col = (header: string, field: ColumnSpec['field'], more: Omit<ColumnSpec, 'header' | 'field'> = {}): ColumnSpec => ({ header, field, ...more });
const kept = (...headers: string[]) => headers.map((h) => col(h, null));

const NL_STATUS = { 'in ontwikkeling': 'PLANNED', 'in gebruik': 'OPERATIONAL', 'buiten gebruik': 'RETIRED', in_ontwikkeling: 'PLANNED', in_gebruik: 'OPERATIONAL', buiten_gebruik: 'RETIRED' };

/** The Dutch themes ("Thema", permitted values of standard 1.0, and those of the 0.2 registers). */
const NL_THEMES: Record<string, string | null> = {
  'Organisatie en bedrijfsvoering': 'ADMINISTRATION',
  'Cultuur en recreatie': 'CULTURE_SPORT',
  Economie: 'ECONOMY_EMPLOYMENT',
  'Overheidsfinanciën': 'FINANCE_BUDGET',
  Wonen: 'HOUSING',
  Internationaal: null,
  'Migratie en integratie': 'SOCIAL_ACTION',
  'Natuur en milieu': 'ENVIRONMENT',
  'Onderwijs en wetenschap': 'EDUCATION',
  'Openbare orde en veiligheid': 'PUBLIC_SAFETY',
  Recht: null,
  'Ruimte en infrastructuur': 'URBAN_PLANNING',
  'Sociale zekerheid': 'SOCIAL_ACTION',
  Verkeer: 'MOBILITY_TRANSPORT',
  Werk: 'ECONOMY_EMPLOYMENT',
  'Zorg en gezondheid': 'HEALTH',
  'Veiligheid en handhaving': 'PUBLIC_SAFETY',
  Infrastructuur: 'URBAN_PLANNING',
  Basisregistratie: null,
};

const NL_TYPES: Record<string, string | null> = {
  'op regels gebaseerd': 'RULE_BASED',
  'rule based': 'RULE_BASED',
  regelgebaseerd: 'RULE_BASED',
  zelflerend: 'MACHINE_LEARNING',
  'signalerend algoritme': null,
  'voorschrijvend algoritme': null,
  nee: null,
  ja: null,
};

/** Algoritmeregister, publication standard 1.0 (MinBZK/Algoritmeregister, backend/app/schemas/config/v1_0.json). */
export const NL_V1: Standard = {
  id: 'nl-algoritmeregister',
  register: 'nl-algoritmeregister',
  title: 'Algoritmeregister (Netherlands), standard 1.0',
  source: 'MinBZK/Algoritmeregister, backend/app/schemas/config/v1_0.json',
  columns: [
    col('lars', 'externalId', { note: 'The register’s public id of the algorithm.' }),
    col('id', 'externalId', { fallback: true, note: 'Used when there is no `lars`.' }),
    col('name', 'name', { cut: true }),
    col('description_short', 'summary', { cut: true }),
    col('organization', null, { note: 'The collectivité is the one of `--siren`; kept.' }),
    col('category', 'themes', { values: NL_THEMES, note: 'A theme with no BibIA equivalent is kept, with a warning.' }),
    col('status', 'status', { values: NL_STATUS }),
    col('begin_date', 'startDate', { note: '`YYYY-MM` becomes the first of the month; the original stays in `sourceExtra`.' }),
    col('end_date', 'endDate'),
    col('contact_email', 'contactEmail'),
    col('website', 'websiteUrl'),
    col('publication_category', 'riskLevel', {
      values: { 'hoog-risico ai-systeem': 'HIGH', 'impactvolle algoritmes': null, 'overige algoritmes': null, overige: null },
      note: 'Only “Hoog-risico AI-systeem” says an AI Act risk level (HIGH); the other categories are kept.',
    }),
    col('type', 'algorithmType', { values: NL_TYPES }),
    col('url', null),
    col('goal', 'purpose'),
    col('proportionality', 'description', { heading: 'Proportionnalité' }),
    col('human_intervention', 'humanOversight'),
    col('risks', 'description', { heading: 'Risques' }),
    col('lawful_basis', 'legalBasis'),
    col('source_data', 'dataSources', { dataSourceName: 'Données sources' }),
    col('methods_and_models', 'description', { heading: 'Méthodes et modèles' }),
    col('provider', 'providerName', { cut: true }),
    col('publiccode', 'sourceCodeUrl'),
    ...kept('lawful_basis_grouping', 'lawful_basis_link', 'process_index_url', 'impacttoetsen', 'impacttoetsen_grouping', 'source_data_link', 'source_data_grouping'),
    ...kept('lang', 'standard_version', 'uuid', 'source_id', 'tags', 'publication_dt', 'iama_description', 'department', 'impact', 'decision_making_process', 'competent_authority'),
  ],
};

/** Algoritmeregister, metadata standard 0.2 (Algoritmeregister/standard, _data/schema-v0_2.yaml): the 2022 registers' export. */
export const NL_V02: Standard = {
  id: 'nl-algoritmeregister-0.2',
  register: 'nl-algoritmeregister',
  title: 'Algoritmeregister (Netherlands), metadata standard 0.2',
  source: 'Algoritmeregister/standard, _data/schema-v0_2.yaml',
  columns: [
    col('id', 'externalId', { note: 'The UUID of the registration.' }),
    col('name', 'name', { cut: true }),
    col('organization', null),
    col('department', 'department'),
    col('description_short', 'summary', { cut: true }),
    col('type', 'algorithmType', { values: NL_TYPES }),
    col('category', 'themes', { values: NL_THEMES }),
    col('website', 'websiteUrl'),
    col('status', 'status', { values: NL_STATUS }),
    col('goal', 'purpose'),
    col('impact', 'affectedPublic'),
    col('proportionality', 'description', { heading: 'Proportionnalité' }),
    col('decision_making_process', 'description', { heading: 'Processus de décision' }),
    col('description', 'description', { heading: 'Fonctionnement' }),
    col('publiccode', 'sourceCodeUrl'),
    col('source_data', 'dataSources', { dataSourceName: 'Données sources' }),
    col('methods_and_models', 'description', { heading: 'Méthodes et modèles' }),
    col('human_intervention', 'humanOversight', { heading: 'Intervention humaine' }),
    col('objection_procedure', 'humanOversight', { heading: 'Recours' }),
    col('risks', 'description', { heading: 'Risques' }),
    col('lawful_basis', 'legalBasis'),
    col('contact_email', 'contactEmail'),
    ...kept('documentation', 'application_url', 'MPRD', 'monitoring', 'performance_standard', 'competent_authority', 'IAMA', 'IAMA_description'),
    ...kept('DPIA', 'DPIA_description', 'schema', 'url', 'area', 'lang', 'revision_date'),
  ],
};

const ATRS_PHASE = { 'pre-deployment': 'PLANNED', 'private beta': 'PILOT', 'public beta': 'PILOT', beta: 'PILOT', production: 'OPERATIONAL', retired: 'RETIRED' };

/**
 * UK Algorithmic Transparency Recording Standard: the template's attributes
 * (Algoritmeregister/standard, _data/schema-UK-generated.yaml) and the fields GOV.UK publishes
 * each record with (its search API: title, link, description, public_timestamp, organisations).
 */
export const UK_ATRS: Standard = {
  id: 'uk-atrs',
  register: 'uk-atrs',
  title: 'UK Algorithmic Transparency Recording Standard (ATRS)',
  source: 'Algoritmeregister/standard, _data/schema-UK-generated.yaml; GOV.UK search API fields of algorithmic_transparency_record',
  columns: [
    col('url', 'externalId', { aliases: ['link'], note: 'The GOV.UK address of the record: its stable id (also the public page).' }),
    col('tool_name', 'name', { cut: true }),
    col('title', 'name', { fallback: true, cut: true, note: 'GOV.UK’s “Body: Tool” title, used when there is no tool name.' }),
    col('description', 'summary', { cut: true }),
    col('website', 'websiteUrl'),
    col('contact_email', 'contactEmail'),
    col('team', 'department'),
    col('benefit', 'purpose'),
    col('scope', 'description', { heading: 'Périmètre' }),
    col('process_integration', 'description', { heading: 'Place dans le processus' }),
    col('phase', 'status', { values: ATRS_PHASE }),
    col('human_decisions', 'humanOversight', { heading: 'Décisions humaines' }),
    col('appeals_and_review', 'humanOversight', { heading: 'Recours' }),
    col('external_supplier', 'providerName', { cut: true }),
    col('source_data_name', 'dataSources'),
    col('senior_responsible_owner', null, { personal: true, note: 'A person’s name: not kept.' }),
    ...kept('publishing_body', 'published', 'public_timestamp', 'listed_organisations', 'organisations', 'organisation'),
    ...kept('external_supplier_identifier', 'external_supplier_role', 'data_access_terms', 'alternatives_considered', 'model_type', 'frequency_usage'),
    ...kept('maintenance', 'system_architecture', 'provided_information', 'required_training', 'source_data_description', 'source_data_url'),
    ...kept('data_collection', 'data_sharing_agreements', 'data_access_and_storage', 'impact_assessment_name', 'impact_assessment_description'),
    ...kept('impact_assessment_date', 'impact_assessment_link', 'risk_name', 'risk_description', 'risk_mitigation'),
  ],
};
