/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Role of the collectivité under the AI Act. */
export type AiActRole =
  /** Uses a system under its authority. */
  | 'DEPLOYER'
  /** Makes a system available without being provider or importer. */
  | 'DISTRIBUTOR'
  /** Places on the EU market a system from a provider outside the EU. */
  | 'IMPORTER'
  /** Develops the system (or has it developed) and puts it into service under its name. */
  | 'PROVIDER';

/** Narrows `aiProducts`; all given fields must match (AND). */
export type AiProductFilter = {
  /** Only this category. */
  category?: ProductCategory | null | undefined;
  /** true: only open-source products; false: only the others. */
  openSource?: boolean | null | undefined;
  /** Words the name, vendor or id must contain, ignoring case, accents and punctuation. */
  search?: string | null | undefined;
};

/** Filters on tools; all given filters must match. */
export type AiToolFilter = {
  /** Any of these algorithm types. */
  algorithmTypes?: Array<AlgorithmType> | null | undefined;
  /** Only collectivités of this département (code, e.g. "62"). */
  departement?: string | null | undefined;
  /** Only tools linked to this product of the shared catalogue. */
  productId?: string | number | null | undefined;
  /** Only collectivités of this région (code, e.g. "32"). */
  region?: string | null | undefined;
  /** Any of these risk levels. */
  riskLevels?: Array<RiskLevel> | null | undefined;
  /** French full-text search in name, summary, description and purpose (web-search syntax: words, "phrases", -exclusions). */
  search?: string | null | undefined;
  /** Only these collectivités (SIRENs). */
  sirens?: Array<string> | null | undefined;
  /** Publication states (default PUBLISHED). Other states need a publisher token. */
  states?: Array<PublicationState> | null | undefined;
  /** Any of these statuses. */
  statuses?: Array<ToolStatus> | null | undefined;
  /** Any of these themes. */
  themes?: Array<Theme> | null | undefined;
  /** Only entries updated at or after this time. */
  updatedSince?: string | null | undefined;
};

/** A new tool. Saved as a draft until published. */
export type AiToolInput = {
  /** Who is affected. */
  affectedPublic?: string | null | undefined;
  /** Role under the AI Act; absent when not stated (never assumed). */
  aiActRole?: AiActRole | null | undefined;
  /** Kind of algorithm. */
  algorithmType?: AlgorithmType | null | undefined;
  /** Automation level; absent when not stated (never assumed). */
  automationLevel?: AutomationLevel | null | undefined;
  /** Contact email. */
  contactEmail?: string | null | undefined;
  /** Replaces the whole list. */
  dataSources?: Array<DataSourceInput> | null | undefined;
  /** Decisions per year. */
  decisionsPerYear?: number | null | undefined;
  /** Department or service that uses it. */
  department?: string | null | undefined;
  /** Plain text. */
  description?: string | null | undefined;
  /** End of use; not before startDate. */
  endDate?: string | null | undefined;
  /** Id in the register of origin (at most 200 characters). */
  externalId?: string | null | undefined;
  /** Where it runs. */
  hosting?: Hosting | null | undefined;
  /** Hosting details. */
  hostingDetails?: string | null | undefined;
  /** Human oversight and recourse. */
  humanOversight?: string | null | undefined;
  /** Replaces the whole list. */
  impactAssessments?: Array<ImpactAssessmentInput> | null | undefined;
  /** Absent when not stated (never assumed). */
  individualDecisions?: boolean | null | undefined;
  /** Legal basis. */
  legalBasis?: string | null | undefined;
  /** Licence. */
  licence?: string | null | undefined;
  /** At most 100 characters. */
  name: string;
  /** Absent when not stated (never assumed). */
  openSource?: boolean | null | undefined;
  /** Id of a product of the shared catalogue. */
  productId?: string | number | null | undefined;
  /** Provider name. */
  providerName?: string | null | undefined;
  /** Provider SIREN (9 digits with check digit). */
  providerSiren?: string | null | undefined;
  /** Goal of the tool. */
  purpose?: string | null | undefined;
  /** AI Act risk level. */
  riskLevel?: RiskLevel | null | undefined;
  /** Slug of the id (`[a-z0-9-]`, at most 80); derived from the name when absent. */
  slug?: string | null | undefined;
  /** Register the row comes from; with externalId, matches the entry at re-import. */
  source?: string | null | undefined;
  /** http(s) URL of the source code. */
  sourceCodeUrl?: string | null | undefined;
  /** JSON object of the source record’s fields, at most 200 keys and 100,000 characters. */
  sourceExtra?: Record<string, unknown> | null | undefined;
  /** Start of use. */
  startDate?: string | null | undefined;
  /** Life-cycle stage. */
  status?: ToolStatus | null | undefined;
  /** At most 400 characters. */
  summary?: string | null | undefined;
  /** At most 5 themes; may be empty. */
  themes?: Array<Theme> | null | undefined;
  /** http(s) URL of a public page. */
  websiteUrl?: string | null | undefined;
};

/** Sort order of a list. Every member sorts the same way, so pages from several members merge. */
export type AiToolOrder =
  /** By name (lower case, accents removed), then id. */
  | 'NAME'
  /** Most recently updated first, then id. */
  | 'RECENT';

/** Changes to a tool: only the fields given change. */
export type AiToolPatch = {
  /** Who is affected. */
  affectedPublic?: string | null | undefined;
  /** Role under the AI Act; absent when not stated (never assumed). */
  aiActRole?: AiActRole | null | undefined;
  /** Kind of algorithm. */
  algorithmType?: AlgorithmType | null | undefined;
  /** Automation level; absent when not stated (never assumed). */
  automationLevel?: AutomationLevel | null | undefined;
  /** Contact email. */
  contactEmail?: string | null | undefined;
  /** Replaces the whole list. */
  dataSources?: Array<DataSourceInput> | null | undefined;
  /** Decisions per year. */
  decisionsPerYear?: number | null | undefined;
  /** Department or service that uses it. */
  department?: string | null | undefined;
  /** Plain text. */
  description?: string | null | undefined;
  /** End of use; not before startDate. */
  endDate?: string | null | undefined;
  /** Id in the register of origin (at most 200 characters). */
  externalId?: string | null | undefined;
  /** Where it runs. */
  hosting?: Hosting | null | undefined;
  /** Hosting details. */
  hostingDetails?: string | null | undefined;
  /** Human oversight and recourse. */
  humanOversight?: string | null | undefined;
  /** Replaces the whole list. */
  impactAssessments?: Array<ImpactAssessmentInput> | null | undefined;
  /** Absent when not stated (never assumed). */
  individualDecisions?: boolean | null | undefined;
  /** Legal basis. */
  legalBasis?: string | null | undefined;
  /** Licence. */
  licence?: string | null | undefined;
  /** At most 100 characters. */
  name?: string | null | undefined;
  /** Absent when not stated (never assumed). */
  openSource?: boolean | null | undefined;
  /** Id of a product of the shared catalogue. */
  productId?: string | number | null | undefined;
  /** Provider name. */
  providerName?: string | null | undefined;
  /** Provider SIREN (9 digits with check digit). */
  providerSiren?: string | null | undefined;
  /** Goal of the tool. */
  purpose?: string | null | undefined;
  /** AI Act risk level. */
  riskLevel?: RiskLevel | null | undefined;
  /** Not changeable: ids never change. */
  slug?: string | null | undefined;
  /** Register the row comes from; with externalId, matches the entry at re-import. */
  source?: string | null | undefined;
  /** http(s) URL of the source code. */
  sourceCodeUrl?: string | null | undefined;
  /** JSON object of the source record’s fields, at most 200 keys and 100,000 characters. */
  sourceExtra?: Record<string, unknown> | null | undefined;
  /** Start of use. */
  startDate?: string | null | undefined;
  /** Life-cycle stage. */
  status?: ToolStatus | null | undefined;
  /** At most 400 characters. */
  summary?: string | null | undefined;
  /** At most 5 themes; may be empty. */
  themes?: Array<Theme> | null | undefined;
  /** http(s) URL of a public page. */
  websiteUrl?: string | null | undefined;
};

/** Kind of algorithm. */
export type AlgorithmType =
  /** A generative model, e.g. a large language model. */
  | 'GENERATIVE_LLM'
  /** A combination of the above. */
  | 'HYBRID'
  /** A model learnt from data (classification, prediction, vision...). */
  | 'MACHINE_LEARNING'
  /** Explicit rules written by people. */
  | 'RULE_BASED';

/** How far the tool acts without a person. */
export type AutomationLevel =
  /** Proposes; an agent decides every case. */
  | 'DECISION_SUPPORT'
  /** Decides without a person in the loop. */
  | 'FULLY_AUTOMATED'
  /** Produces information only; no decision is based on it directly. */
  | 'INFORMATIVE'
  /** Some cases are decided automatically, others by an agent. */
  | 'PARTIALLY_AUTOMATED';

/** What happened to a public entry. */
export type ChangeKind =
  /** Archived. */
  | 'ARCHIVED'
  /** Made public for the first time (or again after a withdrawal). */
  | 'PUBLISHED'
  /** A new version of a public entry was published. */
  | 'UPDATED'
  /** Taken out of the public lists. */
  | 'WITHDRAWN';

/** Narrows `collectivites`; all given fields must match (AND). */
export type CollectiviteFilter = {
  /** Only collectivités of this département code, e.g. "62". */
  departement?: string | null | undefined;
  /** Only this kind. */
  kind?: CollectiviteKind | null | undefined;
  /** true: only members of BibIA; false: only non-members. */
  memberOnly?: boolean | null | undefined;
  /** Only members in this status (implies members only). */
  memberStatus?: MembershipStatus | null | undefined;
  /** Only collectivités of this région code, e.g. "32". */
  region?: string | null | undefined;
  /** A SIREN (9 digits), an INSEE commune code or a postal code ("62041", "62000"), or words that each start a word of the name, ignoring case, accents and punctuation ("bethune bru" finds "Béthune-Bruay"). */
  search?: string | null | undefined;
};

/** What kind of collectivité this is, derived from its INSEE legal category (`legalCategory`). */
export type CollectiviteKind =
  /** Communauté de communes (7346). */
  | 'COMMUNAUTE_DE_COMMUNES'
  /** Communauté d'agglomération (7348). */
  | 'COMMUNAUTE_D_AGGLOMERATION'
  /** Communauté urbaine (7343). */
  | 'COMMUNAUTE_URBAINE'
  /** Commune (legal category 7210). */
  | 'COMMUNE'
  /** Département (7220). */
  | 'DEPARTEMENT'
  /** Métropole (7344). */
  | 'METROPOLE'
  /** Any other public body (another legal category). */
  | 'OTHER'
  /** Région (7230). */
  | 'REGION'
  /** Syndicat intercommunal or syndicat mixte (7345, 7353, 7354, 7355). */
  | 'SYNDICAT';

/** A source of data the tool uses. */
export type DataSourceInput = {
  /** At most 2000 characters. */
  description?: string | null | undefined;
  /** At most 200 characters. */
  name: string;
  /** Contains personal data; null or absent when not stated. */
  personalData?: boolean | null | undefined;
};

/** Kind of entry in the change feed. */
export type EntityType =
  /** An AiTool. */
  | 'AI_TOOL'
  /** A PracticeReport. */
  | 'PRACTICE_REPORT';

/** Where the tool runs and its data is processed (sovereignty). */
export type Hosting =
  /** Cloud hosted in the European Union. */
  | 'EU_CLOUD'
  /** Cloud hosted in France by a provider under French/EU law. */
  | 'FRENCH_CLOUD'
  /** Cloud outside the EU, or under a non-EU jurisdiction. */
  | 'NON_EU_CLOUD'
  /** On the collectivité's own servers. */
  | 'ON_PREMISES';

/** An impact assessment. */
export type ImpactAssessmentInput = {
  /** When it was completed. */
  date?: string | null | undefined;
  /** Kind of assessment. */
  type: ImpactAssessmentType;
  /** http(s) URL. */
  url?: string | null | undefined;
};

/** Kind of impact assessment. */
export type ImpactAssessmentType =
  /** Algorithmic impact assessment (e.g. IAMA, Etalab grid). */
  | 'ALGORITHMIC_IMPACT'
  /** Data protection impact assessment (AIPD, GDPR art. 35). */
  | 'DPIA'
  /** Fundamental rights impact assessment (AI Act art. 27). */
  | 'FRIA'
  /** Another assessment. */
  | 'OTHER';

/** A partner credential to issue. */
export type IssuePartnerCredentialInput = {
  /** Contact e-mail address (kept by the hub, not put in the credential). */
  contactEmail?: string | null | undefined;
  /** Lifetime in days, 1 to 1095; default 365. */
  expiresInDays?: number | null | undefined;
  /** Who holds the credential, 1 to 200 characters (put in the credential). */
  name: string;
  /** Organisation, at most 200 characters (put in the credential). */
  organisation?: string | null | undefined;
};

/** A request to join BibIA: which collectivité, where its registry answers, who to contact. */
export type MembershipRequestInput = {
  /** E-mail address of a contact at the collectivité, at most 254 characters. */
  contactEmail: string;
  /** Name of that contact, at most 200 characters. */
  contactName?: string | null | undefined;
  /** A word for the hub admin, at most 1,000 characters. */
  message?: string | null | undefined;
  /** Public GraphQL endpoint of its registry, https (the hub must reach it). */
  registryUrl: string;
  /** SIREN of a collectivité of the directory (every commune and intercommunalité of the administrative reference is). */
  siren: string;
};

/** Where a request to join BibIA stands. */
export type MembershipRequestStatus =
  /** Approved: its registry passed the conformance check and the collectivité is a member. */
  | 'APPROVED'
  /** Waiting for the hub admin. */
  | 'PENDING'
  /** Rejected by the hub admin (see `decisionReason`). */
  | 'REJECTED';

/** Whether the gateway routes queries to a member registry. */
export type MembershipStatus =
  /** Admitted and answering: queries are routed to it. */
  | 'ACTIVE'
  /** Suspended by the hub (see `statusReason`): not routed to, whatever its health. */
  | 'SUSPENDED'
  /** Failed several health checks in a row; turns ACTIVE again as soon as one succeeds. */
  | 'UNREACHABLE';

/** Whether a partner credential is accepted. */
export type PartnerStatus =
  /** Accepted by the gateway and the members until `expiresAt`. */
  | 'ACTIVE'
  /** Past `expiresAt`: refused everywhere. */
  | 'EXPIRED'
  /** Revoked by the hub: refused by the gateway and the members within a minute. */
  | 'REVOKED';

/** What an AI product mainly does. */
export type ProductCategory =
  /** Platform to build chatbots and voice bots. */
  | 'CHATBOT_PLATFORM'
  /** Image and video analysis. */
  | 'COMPUTER_VISION'
  /** Data science and machine-learning platform. */
  | 'DATA_PLATFORM'
  /** Conversational assistant for general tasks (writing, summarising, answering). */
  | 'GENERAL_ASSISTANT'
  /** A language model to deploy or call from other software. */
  | 'LANGUAGE_MODEL'
  /** Text recognition and document processing. */
  | 'OCR_DOCUMENT'
  /** Anything else. */
  | 'OTHER'
  /** Transcription of speech. */
  | 'SPEECH_TO_TEXT'
  /** Machine translation. */
  | 'TRANSLATION';

/** Where an entry is in the publishing workflow. */
export type PublicationState =
  /** Kept for the record; no further change. */
  | 'ARCHIVED'
  /** Being written; visible to the publishers of this registry only. */
  | 'DRAFT'
  /** Public. */
  | 'PUBLISHED'
  /** Taken out of the public lists; still readable by id, with its history. */
  | 'WITHDRAWN';

/** Risk level under the EU AI Act (Regulation (EU) 2024/1689). */
export type RiskLevel =
  /** High risk (Annex III, e.g. access to essential public services). */
  | 'HIGH'
  /** Limited risk: transparency obligations (e.g. chatbots, generated content). */
  | 'LIMITED'
  /** Minimal risk: no specific obligation. */
  | 'MINIMAL'
  /** Prohibited practice (Article 5). */
  | 'UNACCEPTABLE';

/** Public-policy theme (fixed vocabulary shared by all members). Each value is described by its French label. */
export type Theme =
  /** Administration générale */
  | 'ADMINISTRATION'
  /** Enfance et jeunesse */
  | 'CHILDHOOD_YOUTH'
  /** Relation aux usagers */
  | 'CITIZEN_RELATIONS'
  /** Culture et sport */
  | 'CULTURE_SPORT'
  /** Numérique et systèmes d’information */
  | 'DIGITAL_IT'
  /** Économie et emploi */
  | 'ECONOMY_EMPLOYMENT'
  /** Éducation */
  | 'EDUCATION'
  /** Élections et état civil */
  | 'ELECTIONS_CIVIL_STATUS'
  /** Énergie */
  | 'ENERGY'
  /** Environnement */
  | 'ENVIRONMENT'
  /** Finances et budget */
  | 'FINANCE_BUDGET'
  /** Santé */
  | 'HEALTH'
  /** Logement */
  | 'HOUSING'
  /** Ressources humaines */
  | 'HUMAN_RESOURCES'
  /** Mobilité et transports */
  | 'MOBILITY_TRANSPORT'
  /** Sécurité et prévention */
  | 'PUBLIC_SAFETY'
  /** Voirie et espace public */
  | 'ROADS_PUBLIC_SPACE'
  /** Action sociale */
  | 'SOCIAL_ACTION'
  /** Tourisme */
  | 'TOURISM'
  /** Urbanisme */
  | 'URBAN_PLANNING'
  /** Déchets */
  | 'WASTE'
  /** Eau et assainissement */
  | 'WATER_SANITATION';

/** Life-cycle stage of the tool in the collectivité. */
export type ToolStatus =
  /** In regular use. */
  | 'OPERATIONAL'
  /** Tried on a limited scope. */
  | 'PILOT'
  /** Decided or being designed, not used yet. */
  | 'PLANNED'
  /** No longer used. */
  | 'RETIRED';

/** Who may read a practice report. */
export type Visibility =
  /** Publishers of this registry and authenticated partners only. */
  | 'PARTNERS'
  /** Everyone. */
  | 'PUBLIC';

export type AiProductQueryVariables = Exact<{
  id: string | number;
}>;


export type AiProductQuery = { aiProduct: { id: string, name: string, category: ProductCategory, description: string, website: string | null, openSource: boolean, hosting: Array<Hosting>, vendor: { name: string, siren: string | null }, deployments: Array<{ id: string, name: string, status: ToolStatus | null, riskLevel: RiskLevel | null, collectivite: { siren: string, name: string, departement: string | null } }> } | null };

export type AiToolQueryVariables = Exact<{
  id: string | number;
}>;


export type AiToolQuery = { aiTool: { createdAt: string, id: string, slug: string, name: string, summary: string, description: string, purpose: string, department: string, themes: Array<Theme>, status: ToolStatus | null, startDate: string | null, endDate: string | null, algorithmType: AlgorithmType | null, riskLevel: RiskLevel | null, aiActRole: AiActRole | null, automationLevel: AutomationLevel | null, individualDecisions: boolean | null, decisionsPerYear: number | null, affectedPublic: string, humanOversight: string, legalBasis: string, hosting: Hosting | null, hostingDetails: string, openSource: boolean | null, sourceCodeUrl: string | null, licence: string | null, contactEmail: string | null, websiteUrl: string | null, source: string | null, externalId: string | null, sourceExtra: Record<string, unknown> | null, state: PublicationState, version: number, updatedAt: string, publishedAt: string | null, completeness: { filled: number, total: number, missing: Array<string> }, practiceReports: Array<{ id: string, title: string, reportDate: string, authorRole: string, visibility: Visibility, context: string, whatWasDone: string, results: string, costs: string, lessons: string, ethics: string, staffConsulted: boolean, staffTraining: string, jobImpact: string, socialDialogue: string, indicators: Array<{ name: string, value: number, unit: string }> }>, collectivite: { siren: string, name: string, kind: CollectiviteKind, departement: string | null, departementName: string | null, region: string | null, regionName: string | null }, product: { id: string, name: string, vendor: { name: string } } | null, dataSources: Array<{ name: string, description: string, personalData: boolean | null }>, impactAssessments: Array<{ type: ImpactAssessmentType, date: string | null, url: string | null }>, provider: { name: string, siren: string | null } | null } | null };

export type ChangesQueryVariables = Exact<{
  since: string;
  first?: number;
  after?: string | null | undefined;
}>;


export type ChangesQuery = { changes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, entityType: EntityType, entityId: string, kind: ChangeKind, version: number, at: string } }> } };

export type CollectiviteQueryVariables = Exact<{
  siren: string;
  first?: number;
}>;


export type CollectiviteQuery = { collectivite: { siren: string, name: string, kind: CollectiviteKind, departement: string | null, departementName: string | null, region: string | null, regionName: string | null, population: number | null, website: string | null, membership: { status: MembershipStatus, contractVersion: string } | null, registryStats: { toolCount: number, operationalToolCount: number, reportCount: number, lastUpdatedAt: string | null } | null, aiTools: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, summary: string, themes: Array<Theme>, status: ToolStatus | null, riskLevel: RiskLevel | null, algorithmType: AlgorithmType | null, state: PublicationState, updatedAt: string, product: { id: string, name: string } | null, collectivite: { siren: string, name: string, departement: string | null, region: string | null } } }> } | null } | null };

export type CollectivitesQueryVariables = Exact<{
  filter?: CollectiviteFilter | null | undefined;
  first?: number;
  after?: string | null | undefined;
}>;


export type CollectivitesQuery = { collectivites: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { siren: string, name: string, kind: CollectiviteKind, departement: string | null, departementName: string | null, region: string | null, regionName: string | null, population: number | null, postalCodes: Array<string>, membership: { status: MembershipStatus } | null } }> } };

export type AiProductsQueryVariables = Exact<{
  filter?: AiProductFilter | null | undefined;
  first?: number;
  after?: string | null | undefined;
}>;


export type AiProductsQuery = { aiProducts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, category: ProductCategory, openSource: boolean, vendor: { name: string } } }> } };

export type ExportAiToolsQueryVariables = Exact<{
  filter?: AiToolFilter | null | undefined;
  first?: number;
  after?: string | null | undefined;
}>;


export type ExportAiToolsQuery = { aiTools: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, slug: string, name: string, summary: string, description: string, purpose: string, department: string, themes: Array<Theme>, status: ToolStatus | null, startDate: string | null, endDate: string | null, algorithmType: AlgorithmType | null, riskLevel: RiskLevel | null, aiActRole: AiActRole | null, automationLevel: AutomationLevel | null, individualDecisions: boolean | null, decisionsPerYear: number | null, affectedPublic: string, humanOversight: string, legalBasis: string, hosting: Hosting | null, hostingDetails: string, openSource: boolean | null, sourceCodeUrl: string | null, licence: string | null, contactEmail: string | null, websiteUrl: string | null, source: string | null, externalId: string | null, sourceExtra: Record<string, unknown> | null, state: PublicationState, version: number, updatedAt: string, publishedAt: string | null, collectivite: { siren: string }, dataSources: Array<{ name: string, description: string, personalData: boolean | null }>, impactAssessments: Array<{ type: ImpactAssessmentType, date: string | null, url: string | null }>, provider: { name: string, siren: string | null } | null, product: { id: string } | null } }> } };

export type PageInfoFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type AiToolSummaryFragment = { id: string, name: string, summary: string, themes: Array<Theme>, status: ToolStatus | null, riskLevel: RiskLevel | null, algorithmType: AlgorithmType | null, state: PublicationState, updatedAt: string, product: { id: string, name: string } | null, collectivite: { siren: string, name: string, departement: string | null, region: string | null } };

export type AiToolRecordFragment = { id: string, slug: string, name: string, summary: string, description: string, purpose: string, department: string, themes: Array<Theme>, status: ToolStatus | null, startDate: string | null, endDate: string | null, algorithmType: AlgorithmType | null, riskLevel: RiskLevel | null, aiActRole: AiActRole | null, automationLevel: AutomationLevel | null, individualDecisions: boolean | null, decisionsPerYear: number | null, affectedPublic: string, humanOversight: string, legalBasis: string, hosting: Hosting | null, hostingDetails: string, openSource: boolean | null, sourceCodeUrl: string | null, licence: string | null, contactEmail: string | null, websiteUrl: string | null, source: string | null, externalId: string | null, sourceExtra: Record<string, unknown> | null, state: PublicationState, version: number, updatedAt: string, publishedAt: string | null, dataSources: Array<{ name: string, description: string, personalData: boolean | null }>, impactAssessments: Array<{ type: ImpactAssessmentType, date: string | null, url: string | null }>, provider: { name: string, siren: string | null } | null, product: { id: string } | null };

export type LibraryStatsQueryVariables = Exact<{
  filter?: AiToolFilter | null | undefined;
}>;


export type LibraryStatsQuery = { libraryStats: { toolCount: number, reportCount: number, memberCount: number, byTheme: Array<{ key: string, count: number }>, byStatus: Array<{ key: string, count: number }>, byRiskLevel: Array<{ key: string, count: number }>, byAlgorithmType: Array<{ key: string, count: number }>, byHosting: Array<{ key: string, count: number }>, byProduct: Array<{ key: string, count: number }>, byRegion: Array<{ key: string, count: number }>, byDepartement: Array<{ key: string, count: number }>, membersByDepartement: Array<{ key: string, count: number }>, byPublicationMonth: Array<{ key: string, count: number }> } | null };

export type LibraryCountFieldsFragment = { key: string, count: number };

export type MembershipRequestRecordFragment = { id: string, siren: string, registryUrl: string, contactName: string | null, contactEmail: string, message: string | null, status: MembershipRequestStatus, decisionReason: string | null, createdAt: string, decidedAt: string | null, collectivite: { name: string, kind: CollectiviteKind, departement: string | null } };

export type RequestMembershipMutationVariables = Exact<{
  input: MembershipRequestInput;
}>;


export type RequestMembershipMutation = { requestMembership: { id: string, siren: string, registryUrl: string, contactName: string | null, contactEmail: string, message: string | null, status: MembershipRequestStatus, decisionReason: string | null, createdAt: string, decidedAt: string | null, collectivite: { name: string, kind: CollectiviteKind, departement: string | null } } };

export type MembershipRequestsQueryVariables = Exact<{
  status?: Array<MembershipRequestStatus> | MembershipRequestStatus | null | undefined;
}>;


export type MembershipRequestsQuery = { membershipRequests: Array<{ id: string, siren: string, registryUrl: string, contactName: string | null, contactEmail: string, message: string | null, status: MembershipRequestStatus, decisionReason: string | null, createdAt: string, decidedAt: string | null, collectivite: { name: string, kind: CollectiviteKind, departement: string | null } }> };

export type ApproveMembershipRequestMutationVariables = Exact<{
  id: string;
}>;


export type ApproveMembershipRequestMutation = { approveMembershipRequest: { id: string, siren: string, registryUrl: string, contactName: string | null, contactEmail: string, message: string | null, status: MembershipRequestStatus, decisionReason: string | null, createdAt: string, decidedAt: string | null, collectivite: { name: string, kind: CollectiviteKind, departement: string | null, membership: { status: MembershipStatus, registryUrl: string } | null } } };

export type RejectMembershipRequestMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type RejectMembershipRequestMutation = { rejectMembershipRequest: { id: string, siren: string, registryUrl: string, contactName: string | null, contactEmail: string, message: string | null, status: MembershipRequestStatus, decisionReason: string | null, createdAt: string, decidedAt: string | null, collectivite: { name: string, kind: CollectiviteKind, departement: string | null } } };

export type PartnerRecordFragment = { id: string, name: string, organisation: string | null, contactEmail: string | null, status: PartnerStatus, createdAt: string, expiresAt: string, revokedAt: string | null };

export type IssuePartnerCredentialMutationVariables = Exact<{
  input: IssuePartnerCredentialInput;
}>;


export type IssuePartnerCredentialMutation = { issuePartnerCredential: { credential: string, partner: { id: string, name: string, organisation: string | null, contactEmail: string | null, status: PartnerStatus, createdAt: string, expiresAt: string, revokedAt: string | null } } };

export type PartnerCredentialsQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerCredentialsQuery = { partnerCredentials: Array<{ id: string, name: string, organisation: string | null, contactEmail: string | null, status: PartnerStatus, createdAt: string, expiresAt: string, revokedAt: string | null }> };

export type RevokePartnerCredentialMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokePartnerCredentialMutation = { revokePartnerCredential: { id: string, name: string, organisation: string | null, contactEmail: string | null, status: PartnerStatus, createdAt: string, expiresAt: string, revokedAt: string | null } };

export type CreateAiToolMutationVariables = Exact<{
  siren: string;
  input: AiToolInput;
}>;


export type CreateAiToolMutation = { createAiTool: { id: string, slug: string, name: string, summary: string, description: string, purpose: string, department: string, themes: Array<Theme>, status: ToolStatus | null, startDate: string | null, endDate: string | null, algorithmType: AlgorithmType | null, riskLevel: RiskLevel | null, aiActRole: AiActRole | null, automationLevel: AutomationLevel | null, individualDecisions: boolean | null, decisionsPerYear: number | null, affectedPublic: string, humanOversight: string, legalBasis: string, hosting: Hosting | null, hostingDetails: string, openSource: boolean | null, sourceCodeUrl: string | null, licence: string | null, contactEmail: string | null, websiteUrl: string | null, source: string | null, externalId: string | null, sourceExtra: Record<string, unknown> | null, state: PublicationState, version: number, updatedAt: string, publishedAt: string | null, dataSources: Array<{ name: string, description: string, personalData: boolean | null }>, impactAssessments: Array<{ type: ImpactAssessmentType, date: string | null, url: string | null }>, provider: { name: string, siren: string | null } | null, product: { id: string } | null } };

export type UpdateAiToolMutationVariables = Exact<{
  id: string | number;
  input: AiToolPatch;
}>;


export type UpdateAiToolMutation = { updateAiTool: { id: string, slug: string, name: string, summary: string, description: string, purpose: string, department: string, themes: Array<Theme>, status: ToolStatus | null, startDate: string | null, endDate: string | null, algorithmType: AlgorithmType | null, riskLevel: RiskLevel | null, aiActRole: AiActRole | null, automationLevel: AutomationLevel | null, individualDecisions: boolean | null, decisionsPerYear: number | null, affectedPublic: string, humanOversight: string, legalBasis: string, hosting: Hosting | null, hostingDetails: string, openSource: boolean | null, sourceCodeUrl: string | null, licence: string | null, contactEmail: string | null, websiteUrl: string | null, source: string | null, externalId: string | null, sourceExtra: Record<string, unknown> | null, state: PublicationState, version: number, updatedAt: string, publishedAt: string | null, dataSources: Array<{ name: string, description: string, personalData: boolean | null }>, impactAssessments: Array<{ type: ImpactAssessmentType, date: string | null, url: string | null }>, provider: { name: string, siren: string | null } | null, product: { id: string } | null } };

export type PublishAiToolMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishAiToolMutation = { publishAiTool: { id: string, state: PublicationState, version: number, publishedAt: string | null } };

export type ImportAiToolsMutationVariables = Exact<{
  siren: string;
  rows: Array<Record<string, unknown>> | Record<string, unknown>;
  dryRun?: boolean;
  publish?: boolean;
}>;


export type ImportAiToolsMutation = { importAiTools: { ok: boolean, dryRun: boolean, rowCount: number, created: number, updated: number, unchanged: number, ids: Array<string>, errors: Array<{ row: number, field: string, message: string }> } };

export type SearchAiToolsQueryVariables = Exact<{
  filter?: AiToolFilter | null | undefined;
  orderBy?: AiToolOrder;
  first?: number;
  after?: string | null | undefined;
}>;


export type SearchAiToolsQuery = { aiTools: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, summary: string, themes: Array<Theme>, status: ToolStatus | null, riskLevel: RiskLevel | null, algorithmType: AlgorithmType | null, state: PublicationState, updatedAt: string, product: { id: string, name: string } | null, collectivite: { siren: string, name: string, departement: string | null, region: string | null } } }> } };

export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const AiToolSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AiToolSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AiTool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"algorithmType"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}}]}}]} as unknown as DocumentNode<AiToolSummaryFragment, unknown>;
export const AiToolRecordFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AiToolRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AiTool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"algorithmType"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"aiActRole"}},{"kind":"Field","name":{"kind":"Name","value":"automationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"individualDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"decisionsPerYear"}},{"kind":"Field","name":{"kind":"Name","value":"affectedPublic"}},{"kind":"Field","name":{"kind":"Name","value":"humanOversight"}},{"kind":"Field","name":{"kind":"Name","value":"dataSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"impactAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosting"}},{"kind":"Field","name":{"kind":"Name","value":"hostingDetails"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openSource"}},{"kind":"Field","name":{"kind":"Name","value":"sourceCodeUrl"}},{"kind":"Field","name":{"kind":"Name","value":"licence"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"websiteUrl"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceExtra"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]} as unknown as DocumentNode<AiToolRecordFragment, unknown>;
export const LibraryCountFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LibraryCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LibraryCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]} as unknown as DocumentNode<LibraryCountFieldsFragment, unknown>;
export const MembershipRequestRecordFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembershipRequestRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"registryUrl"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}}]}}]}}]} as unknown as DocumentNode<MembershipRequestRecordFragment, unknown>;
export const PartnerRecordFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partner"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<PartnerRecordFragment, unknown>;
export const AiProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AiProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aiProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"openSource"}},{"kind":"Field","name":{"kind":"Name","value":"hosting"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deployments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AiProductQuery, AiProductQueryVariables>;
export const AiToolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AiTool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aiTool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AiToolRecord"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filled"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"practiceReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reportDate"}},{"kind":"Field","name":{"kind":"Name","value":"authorRole"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"whatWasDone"}},{"kind":"Field","name":{"kind":"Name","value":"results"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costs"}},{"kind":"Field","name":{"kind":"Name","value":"lessons"}},{"kind":"Field","name":{"kind":"Name","value":"ethics"}},{"kind":"Field","name":{"kind":"Name","value":"staffConsulted"}},{"kind":"Field","name":{"kind":"Name","value":"staffTraining"}},{"kind":"Field","name":{"kind":"Name","value":"jobImpact"}},{"kind":"Field","name":{"kind":"Name","value":"socialDialogue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}},{"kind":"Field","name":{"kind":"Name","value":"departementName"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"regionName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AiToolRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AiTool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"algorithmType"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"aiActRole"}},{"kind":"Field","name":{"kind":"Name","value":"automationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"individualDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"decisionsPerYear"}},{"kind":"Field","name":{"kind":"Name","value":"affectedPublic"}},{"kind":"Field","name":{"kind":"Name","value":"humanOversight"}},{"kind":"Field","name":{"kind":"Name","value":"dataSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"impactAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosting"}},{"kind":"Field","name":{"kind":"Name","value":"hostingDetails"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openSource"}},{"kind":"Field","name":{"kind":"Name","value":"sourceCodeUrl"}},{"kind":"Field","name":{"kind":"Name","value":"licence"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"websiteUrl"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceExtra"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]} as unknown as DocumentNode<AiToolQuery, AiToolQueryVariables>;
export const ChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Changes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ChangesQuery, ChangesQueryVariables>;
export const CollectiviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Collectivite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siren"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"siren"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siren"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}},{"kind":"Field","name":{"kind":"Name","value":"departementName"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"regionName"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"membership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contractVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registryStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toolCount"}},{"kind":"Field","name":{"kind":"Name","value":"operationalToolCount"}},{"kind":"Field","name":{"kind":"Name","value":"reportCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aiTools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AiToolSummary"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AiToolSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AiTool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"algorithmType"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}}]}}]} as unknown as DocumentNode<CollectiviteQuery, CollectiviteQueryVariables>;
export const CollectivitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Collectivites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CollectiviteFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collectivites"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}},{"kind":"Field","name":{"kind":"Name","value":"departementName"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"regionName"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"postalCodes"}},{"kind":"Field","name":{"kind":"Name","value":"membership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CollectivitesQuery, CollectivitesQueryVariables>;
export const AiProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AiProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AiProductFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aiProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"openSource"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AiProductsQuery, AiProductsQueryVariables>;
export const ExportAiToolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportAiTools"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AiToolFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aiTools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AiToolRecord"}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AiToolRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AiTool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"algorithmType"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"aiActRole"}},{"kind":"Field","name":{"kind":"Name","value":"automationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"individualDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"decisionsPerYear"}},{"kind":"Field","name":{"kind":"Name","value":"affectedPublic"}},{"kind":"Field","name":{"kind":"Name","value":"humanOversight"}},{"kind":"Field","name":{"kind":"Name","value":"dataSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"impactAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosting"}},{"kind":"Field","name":{"kind":"Name","value":"hostingDetails"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openSource"}},{"kind":"Field","name":{"kind":"Name","value":"sourceCodeUrl"}},{"kind":"Field","name":{"kind":"Name","value":"licence"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"websiteUrl"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceExtra"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]} as unknown as DocumentNode<ExportAiToolsQuery, ExportAiToolsQueryVariables>;
export const LibraryStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LibraryStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AiToolFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"libraryStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toolCount"}},{"kind":"Field","name":{"kind":"Name","value":"reportCount"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"byTheme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LibraryCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LibraryCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRiskLevel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LibraryCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byAlgorithmType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LibraryCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byHosting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LibraryCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byProduct"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LibraryCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LibraryCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byDepartement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LibraryCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"membersByDepartement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LibraryCountFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPublicationMonth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LibraryCountFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LibraryCountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LibraryCount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]} as unknown as DocumentNode<LibraryStatsQuery, LibraryStatsQueryVariables>;
export const RequestMembershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestMembership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestMembership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MembershipRequestRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembershipRequestRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"registryUrl"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}}]}}]}}]} as unknown as DocumentNode<RequestMembershipMutation, RequestMembershipMutationVariables>;
export const MembershipRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembershipRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipRequestStatus"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membershipRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MembershipRequestRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembershipRequestRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"registryUrl"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}}]}}]}}]} as unknown as DocumentNode<MembershipRequestsQuery, MembershipRequestsQueryVariables>;
export const ApproveMembershipRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveMembershipRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveMembershipRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MembershipRequestRecord"}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"registryUrl"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembershipRequestRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"registryUrl"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}}]}}]}}]} as unknown as DocumentNode<ApproveMembershipRequestMutation, ApproveMembershipRequestMutationVariables>;
export const RejectMembershipRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectMembershipRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectMembershipRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MembershipRequestRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembershipRequestRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"registryUrl"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}}]}}]}}]} as unknown as DocumentNode<RejectMembershipRequestMutation, RejectMembershipRequestMutationVariables>;
export const IssuePartnerCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssuePartnerCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssuePartnerCredentialInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuePartnerCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credential"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerRecord"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partner"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<IssuePartnerCredentialMutation, IssuePartnerCredentialMutationVariables>;
export const PartnerCredentialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerCredentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerCredentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partner"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<PartnerCredentialsQuery, PartnerCredentialsQueryVariables>;
export const RevokePartnerCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokePartnerCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokePartnerCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partner"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<RevokePartnerCredentialMutation, RevokePartnerCredentialMutationVariables>;
export const CreateAiToolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAiTool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siren"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AiToolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAiTool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"siren"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siren"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AiToolRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AiToolRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AiTool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"algorithmType"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"aiActRole"}},{"kind":"Field","name":{"kind":"Name","value":"automationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"individualDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"decisionsPerYear"}},{"kind":"Field","name":{"kind":"Name","value":"affectedPublic"}},{"kind":"Field","name":{"kind":"Name","value":"humanOversight"}},{"kind":"Field","name":{"kind":"Name","value":"dataSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"impactAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosting"}},{"kind":"Field","name":{"kind":"Name","value":"hostingDetails"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openSource"}},{"kind":"Field","name":{"kind":"Name","value":"sourceCodeUrl"}},{"kind":"Field","name":{"kind":"Name","value":"licence"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"websiteUrl"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceExtra"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]} as unknown as DocumentNode<CreateAiToolMutation, CreateAiToolMutationVariables>;
export const UpdateAiToolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAiTool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AiToolPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAiTool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AiToolRecord"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AiToolRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AiTool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"algorithmType"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"aiActRole"}},{"kind":"Field","name":{"kind":"Name","value":"automationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"individualDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"decisionsPerYear"}},{"kind":"Field","name":{"kind":"Name","value":"affectedPublic"}},{"kind":"Field","name":{"kind":"Name","value":"humanOversight"}},{"kind":"Field","name":{"kind":"Name","value":"dataSources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"impactAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosting"}},{"kind":"Field","name":{"kind":"Name","value":"hostingDetails"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"siren"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openSource"}},{"kind":"Field","name":{"kind":"Name","value":"sourceCodeUrl"}},{"kind":"Field","name":{"kind":"Name","value":"licence"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"websiteUrl"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceExtra"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]} as unknown as DocumentNode<UpdateAiToolMutation, UpdateAiToolMutationVariables>;
export const PublishAiToolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishAiTool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishAiTool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]} as unknown as DocumentNode<PublishAiToolMutation, PublishAiToolMutationVariables>;
export const ImportAiToolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportAiTools"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siren"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rows"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSONObject"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},"defaultValue":{"kind":"BooleanValue","value":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publish"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importAiTools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"siren"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siren"}}},{"kind":"Argument","name":{"kind":"Name","value":"rows"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rows"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}},{"kind":"Argument","name":{"kind":"Name","value":"publish"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publish"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"ids"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ImportAiToolsMutation, ImportAiToolsMutationVariables>;
export const SearchAiToolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchAiTools"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AiToolFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AiToolOrder"}}},"defaultValue":{"kind":"EnumValue","value":"NAME"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aiTools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AiToolSummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AiToolSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AiTool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"algorithmType"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collectivite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siren"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"departement"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}}]}}]} as unknown as DocumentNode<SearchAiToolsQuery, SearchAiToolsQueryVariables>;