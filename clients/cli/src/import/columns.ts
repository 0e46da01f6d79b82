import type { AiToolInput } from '@bibia/sdk';
import { NL_V02, NL_V1, UK_ATRS } from './registers';

/** A field of `AiToolInput` (what one import row holds). */
export type ToolField = keyof AiToolInput;

/** How a cell becomes the value of a field. */
export type ValueKind = 'text' | 'integer' | 'boolean' | 'date' | 'enum' | 'enumList' | 'dataSources' | 'impactAssessments' | 'json';

/** Enums whose values are read through a vocabulary (see `vocabulary.ts`). */
export type EnumName = 'Theme' | 'ToolStatus' | 'AlgorithmType' | 'RiskLevel' | 'AiActRole' | 'AutomationLevel' | 'Hosting' | 'ImpactAssessmentType' | 'PublicationState';

/** The kind of every field of AiToolInput: the one description of an import row. */
export const FIELD_KINDS: Record<ToolField, { kind: ValueKind; enum?: EnumName }> = {
  slug: { kind: 'text' },
  name: { kind: 'text' },
  summary: { kind: 'text' },
  description: { kind: 'text' },
  purpose: { kind: 'text' },
  department: { kind: 'text' },
  themes: { kind: 'enumList', enum: 'Theme' },
  status: { kind: 'enum', enum: 'ToolStatus' },
  startDate: { kind: 'date' },
  endDate: { kind: 'date' },
  algorithmType: { kind: 'enum', enum: 'AlgorithmType' },
  riskLevel: { kind: 'enum', enum: 'RiskLevel' },
  aiActRole: { kind: 'enum', enum: 'AiActRole' },
  automationLevel: { kind: 'enum', enum: 'AutomationLevel' },
  individualDecisions: { kind: 'boolean' },
  decisionsPerYear: { kind: 'integer' },
  affectedPublic: { kind: 'text' },
  humanOversight: { kind: 'text' },
  dataSources: { kind: 'dataSources' },
  legalBasis: { kind: 'text' },
  impactAssessments: { kind: 'impactAssessments' },
  hosting: { kind: 'enum', enum: 'Hosting' },
  hostingDetails: { kind: 'text' },
  providerName: { kind: 'text' },
  providerSiren: { kind: 'text' },
  productId: { kind: 'text' },
  openSource: { kind: 'boolean' },
  sourceCodeUrl: { kind: 'text' },
  licence: { kind: 'text' },
  contactEmail: { kind: 'text' },
  websiteUrl: { kind: 'text' },
  source: { kind: 'text' },
  externalId: { kind: 'text' },
  sourceExtra: { kind: 'json' },
};

/** One column a standard defines, and what it becomes in BibIA. */
export interface ColumnSpec {
  /** The column name as the standard writes it. */
  header: string;
  /** Other spellings accepted. Names are compared on letters and digits only, without case or accents. */
  aliases?: string[];
  /**
   * The field it fills. `id`: the `<siren>:<slug>` id written by `bibia export` (gives the slug).
   * `null`: a column of the standard with no equivalent in BibIA, ignored with a warning.
   */
  field: ToolField | 'id' | null;
  /** Values of this standard and the BibIA values they mean; `null`: no equivalent (an error). */
  values?: Record<string, string | null>;
  /** For a text column that becomes one data source: its name. */
  dataSourceName?: string;
  /** For a column that becomes an impact assessment (a URL, or any text meaning "done"). */
  impactAssessment?: 'DPIA' | 'FRIA' | 'ALGORITHMIC_IMPACT' | 'OTHER';
  /** For a text field filled by several columns of one file: the heading of this column's part. */
  heading?: string;
  /** Written by `bibia export`, ignored on import without a warning. */
  readOnly?: boolean;
  /** Personal data (a name, a phone number): neither stored nor kept, with a warning. */
  personal?: boolean;
  /** Fills its field only when no other column of the row does (e.g. a second id). */
  fallback?: boolean;
  /** A text longer than the field's limit is cut at a word, with a warning (the whole text stays in `sourceExtra`). */
  cut?: boolean;
  /** Said in docs/import-columns.md. */
  note?: string;
}

export type StandardId = 'bibia' | 'nl-algoritmeregister' | 'nl-algoritmeregister-0.2' | 'uk-atrs' | 'eurocities' | 'etalab';

export interface Standard {
  id: StandardId;
  /** What `source` says of the tools imported from this standard's files (null: BibIA's own). */
  register: string | null;
  title: string;
  /** Where the column list comes from. */
  source: string;
  columns: ColumnSpec[];
}

export const col = (header: string, field: ColumnSpec['field'], more: Omit<ColumnSpec, 'header' | 'field'> = {}): ColumnSpec => ({ header, field, ...more });

/** BibIA's own columns: the fields of AiToolInput, with French names as aliases. */
export const BIBIA: Standard = {
  id: 'bibia',
  register: null,
  title: 'BibIA (the fields of AiToolInput)',
  source: 'schema/registry.graphql, input AiToolInput',
  columns: [
    col('id', 'id', { note: 'Written by `bibia export`: `<siren>:<slug>`. Gives the slug; the SIREN must be the one of `--siren`.' }),
    col('slug', 'slug', { aliases: ['identifiant'], note: 'Derived from the name when absent. Rows are matched to existing tools by slug.' }),
    col('name', 'name', { aliases: ['nom', 'nom de l’outil'] }),
    col('summary', 'summary', { aliases: ['résumé', 'description courte'] }),
    col('description', 'description'),
    col('purpose', 'purpose', { aliases: ['objectif'] }),
    col('department', 'department', { aliases: ['service', 'direction'] }),
    col('themes', 'themes', { aliases: ['thèmes', 'thème', 'theme'], note: 'Several values separated by `|` or `,`: enum names (`ADMINISTRATION`) or French labels (`Administration générale`).' }),
    col('status', 'status', { aliases: ['statut'] }),
    col('startDate', 'startDate', { aliases: ['date de début', 'date de mise en service'], note: '`YYYY-MM-DD` or `DD/MM/YYYY`.' }),
    col('endDate', 'endDate', { aliases: ['date de fin'] }),
    col('algorithmType', 'algorithmType'),
    col('riskLevel', 'riskLevel', { aliases: ['niveau de risque', 'risque'] }),
    col('aiActRole', 'aiActRole', { aliases: ['rôle AI Act', 'rôle RIA'] }),
    col('automationLevel', 'automationLevel'),
    col('individualDecisions', 'individualDecisions', { note: '`oui`/`non`, `true`/`false`, `1`/`0`.' }),
    col('decisionsPerYear', 'decisionsPerYear', { note: 'A whole number; spaces between thousands are allowed.' }),
    col('affectedPublic', 'affectedPublic'),
    col('humanOversight', 'humanOversight', { aliases: ['contrôle humain'] }),
    col('dataSources', 'dataSources', {
      aliases: ['sources de données'],
      note: 'Items separated by `|`, each `name` or `name: description`; `(données personnelles)` in an item marks personal data. Or a JSON array of `{name, description, personalData}`.',
    }),
    col('legalBasis', 'legalBasis', { aliases: ['base légale'] }),
    col('impactAssessments', 'impactAssessments', {
      aliases: ['analyses d’impact'],
      note: 'Items separated by `|`, each `TYPE [YYYY-MM-DD] [url]` (`DPIA`/`AIPD`, `FRIA`, `ALGORITHMIC_IMPACT`, `OTHER`). Or a JSON array of `{type, date, url}`.',
    }),
    col('hosting', 'hosting', { aliases: ['hébergement'] }),
    col('hostingDetails', 'hostingDetails', { aliases: ['détails de l’hébergement'] }),
    col('providerName', 'providerName', { aliases: ['fournisseur', 'prestataire'] }),
    col('providerSiren', 'providerSiren', { aliases: ['SIREN du fournisseur'] }),
    col('productId', 'productId', { aliases: ['produit'], note: 'Id of a product of the shared catalogue (e.g. `albert`).' }),
    col('openSource', 'openSource', { aliases: ['logiciel libre'] }),
    col('sourceCodeUrl', 'sourceCodeUrl'),
    col('licence', 'licence', { aliases: ['license'] }),
    col('contactEmail', 'contactEmail', { aliases: ['courriel de contact'] }),
    col('websiteUrl', 'websiteUrl', { aliases: ['site web', 'page web'] }),
    col('source', 'source', { aliases: ['registre d’origine'], note: 'Register the row was imported from; with `externalId`, matches the tool at re-import.' }),
    col('externalId', 'externalId', { aliases: ['identifiant d’origine'] }),
    col('sourceExtra', 'sourceExtra', { note: 'A JSON object: the record as its register published it (written by `bibia export`).' }),
    ...['state', 'version', 'updatedAt', 'publishedAt', 'collectivite'].map((h) =>
      col(h, null, { readOnly: true, note: 'Written by `bibia export`; ignored on import.' }),
    ),
  ],
};

export const noEquivalent = (header: string, note?: string) => col(header, null, note ? { note } : {});

/**
 * Eurocities Algorithmic Transparency Standard v0.3.1 (Algoritmeregister/standard,
 * `_data/schema-v0_3_1.yaml`): every attribute.
 */
export const EUROCITIES: Standard = {
  id: 'eurocities',
  register: 'eurocities',
  title: 'Eurocities Algorithmic Transparency Standard v0.3.x',
  source: 'Algoritmeregister/standard, _data/schema-v0_3_1.yaml',
  columns: [
    col('uuid', 'externalId'),
    ...['standard_version', 'lang', 'publication_date', 'last_change_date', 'revision_date', 'revision_note', 'keywords'].map((h) =>
      noEquivalent(h, 'Metadata of the registration; BibIA keeps its own (id, versions, dates).'),
    ),
    col('name', 'name'),
    noEquivalent('organization', 'The collectivité is the one of `--siren`.'),
    col('department', 'department'),
    noEquivalent('country'),
    col('contact_email', 'contactEmail'),
    col('contact_phone', null, { personal: true, note: 'Personal data: not kept.' }),
    col('contact_name', null, { personal: true, note: 'BibIA records no personal names: not kept.' }),
    col('description_short', 'summary', { cut: true }),
    col('website', 'websiteUrl'),
    col('status', 'status', {
      values: { planned: 'PLANNED', design: 'PLANNED', development: 'PLANNED', pilot: 'PILOT', evaluation: 'PILOT', operational: 'OPERATIONAL', retired: 'RETIRED' },
    }),
    noEquivalent('remark'),
    col('decision_making_process', 'description', { heading: 'Processus de décision' }),
    col('domain', 'themes', {
      values: {
        taxes: 'FINANCE_BUDGET',
        'housing, living and living environment': 'HOUSING',
        'culture, sports and leisure': 'CULTURE_SPORT',
        defence: null,
        'economy and entrepreneurship': 'ECONOMY_EMPLOYMENT',
        'family, youth and households': 'CHILDHOOD_YOUTH',
        finance: 'FINANCE_BUDGET',
        generic: 'ADMINISTRATION',
        'health and health care': 'HEALTH',
        'immigration and integration': 'SOCIAL_ACTION',
        'international collaboration and development aid': null,
        'agriculture, nature and food': 'ENVIRONMENT',
        'environment, spacial planning and water': 'ENVIRONMENT',
        'education and science': 'EDUCATION',
        'public safety': 'PUBLIC_SAFETY',
        government: 'ADMINISTRATION',
        justice: null,
        'travel, living and working abroad': null,
        'subsidies, benefits and allowances': 'SOCIAL_ACTION',
        'traffic and transportation': 'MOBILITY_TRANSPORT',
        'work and career': 'ECONOMY_EMPLOYMENT',
      },
      note: 'A domain with no BibIA theme is an error unless a `themes` column gives one.',
    }),
    noEquivalent('area'),
    col('goal', 'purpose'),
    col('impact', 'affectedPublic'),
    noEquivalent('risks'),
    col('risk_category', 'riskLevel', {
      values: {
        'minimal risk': 'MINIMAL', minimal: 'MINIMAL',
        'limited risk': 'LIMITED', limited: 'LIMITED',
        'high risk': 'HIGH', high: 'HIGH',
        unacceptable: 'UNACCEPTABLE', 'unacceptable risk': 'UNACCEPTABLE',
      },
    }),
    noEquivalent('proportionality'),
    col('lawful_basis', 'legalBasis'),
    noEquivalent('documentation'),
    col('training_data', 'dataSources', { dataSourceName: 'Données d’entraînement' }),
    col('source_data', 'dataSources', { dataSourceName: 'Données sources' }),
    noEquivalent('data_bias'),
    col('connected_data_sources', 'dataSources', { dataSourceName: 'Sources de données connectées' }),
    col('DPIA_description', 'impactAssessments', { impactAssessment: 'DPIA', note: 'Any text: a DPIA was done.' }),
    col('DPIA_url', 'impactAssessments', { impactAssessment: 'DPIA' }),
    col('description', 'description', { heading: 'Fonctionnement' }),
    col('algorithm_type', 'algorithmType', { values: { 'self-learning': 'MACHINE_LEARNING', 'rule-based': 'RULE_BASED', hybrid: 'HYBRID' } }),
    noEquivalent('methods_and_models'),
    noEquivalent('performance'),
    noEquivalent('alternatives_considered'),
    noEquivalent('product_information'),
    col('codebase_url', 'sourceCodeUrl'),
    noEquivalent('product_page'),
    col('AIA_description', 'impactAssessments', { impactAssessment: 'ALGORITHMIC_IMPACT', note: 'Any text: an algorithmic impact assessment was done.' }),
    col('AIA_url', 'impactAssessments', { impactAssessment: 'ALGORITHMIC_IMPACT' }),
    noEquivalent('type', 'descriptive / diagnostic / predictive / prescriptive: no BibIA field.'),
    noEquivalent('monitoring'),
    col('human_intervention', 'humanOversight', { heading: 'Intervention humaine' }),
    col('objection_procedure', 'humanOversight', { heading: 'Recours' }),
    noEquivalent('rollback'),
  ],
};

/**
 * The Etalab inventory of public algorithms (guides.etalab.gouv.fr, « l'inventaire des
 * principaux traitements algorithmiques »), as collectivités write it in their spreadsheets.
 */
export const ETALAB: Standard = {
  id: 'etalab',
  register: 'etalab',
  title: 'Inventaire Etalab des algorithmes publics',
  source: 'etalab/guides.etalab.gouv.fr, algorithmes/2-inventaire.md',
  columns: [
    noEquivalent('Nom de l’administration concernée', 'The collectivité is the one of `--siren`.'),
    col('Direction/service porteur', 'department', { aliases: ['Service porteur'] }),
    col('Contact au sein de l’administration concernée', 'contactEmail', { aliases: ['Contact'] }),
    noEquivalent('Date de mise à jour des informations'),
    col('Nom de l’algorithme', 'name'),
    col('Contexte global', 'description', { heading: 'Contexte' }),
    col('Finalité de l’algorithme', 'purpose', { aliases: ['Finalité'] }),
    col('Comment et quand l’algorithme intervient-il dans la prise de décision ?', 'description', {
      aliases: ['Intervention dans la décision'],
      heading: 'Place dans la décision',
    }),
    col('Niveau d’automatisation de la décision', 'automationLevel', {
      aliases: ['Niveau d’automatisation'],
      values: {
        'entièrement automatisée': 'FULLY_AUTOMATED',
        'décision automatisée': 'FULLY_AUTOMATED',
        automatisée: 'FULLY_AUTOMATED',
        'partiellement automatisée': 'PARTIALLY_AUTOMATED',
        'aide à la décision': 'DECISION_SUPPORT',
        'outil d’aide à la décision': 'DECISION_SUPPORT',
        informative: 'INFORMATIVE',
        information: 'INFORMATIVE',
      },
    }),
    col('Fondements juridiques', 'legalBasis', { aliases: ['Fondement juridique'] }),
    noEquivalent('Ressources connexes'),
    col('Nombre de décisions administratives prises par an', 'decisionsPerYear', { aliases: ['Nombre de décisions par an'] }),
    noEquivalent('Portée de la décision'),
    col('Public concerné par la décision', 'affectedPublic', { aliases: ['Public concerné'] }),
    col('Décisions individuelles', 'individualDecisions', { aliases: ['Décision individuelle'] }),
    col('Données traitées', 'dataSources', { note: 'Same syntax as `dataSources`.' }),
    noEquivalent('Source des données traitées'),
    noEquivalent('Mode de collecte des données traitées'),
    col('Type d’algorithme', 'algorithmType', {
      values: {
        'système de règles': 'RULE_BASED',
        règles: 'RULE_BASED',
        'règles métier': 'RULE_BASED',
        'apprentissage machine': 'MACHINE_LEARNING',
        'apprentissage automatique': 'MACHINE_LEARNING',
        'machine learning': 'MACHINE_LEARNING',
        hybride: 'HYBRID',
        'ia générative': 'GENERATIVE_LLM',
        'modèle de langage': 'GENERATIVE_LLM',
      },
    }),
    col('Opérations effectuées par l’algorithme', 'description', { heading: 'Opérations effectuées' }),
    col('Code source', 'sourceCodeUrl'),
    col('Licence', 'licence'),
  ],
};

/** In lookup order: a name defined by several standards means the first one's column. */
export const STANDARDS: Standard[] = [BIBIA, NL_V1, NL_V02, UK_ATRS, EUROCITIES, ETALAB];
