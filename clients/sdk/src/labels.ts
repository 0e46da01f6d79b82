import type {
  AiActRole, AlgorithmType, AutomationLevel, ChangeKind, CollectiviteKind, Hosting, ImpactAssessmentType, MembershipStatus, ProductCategory,
  PublicationState, RiskLevel, ToolStatus, Visibility,
} from './generated/graphql';
import { THEME_LABELS } from './generated/labels';

/**
 * French labels of the contract's enum values, for people (CLI tables, the catalogue page).
 * Where the labels have a source elsewhere, they are generated from it into generated/labels.ts
 * (`npm run codegen`): Theme's are the descriptions of its values in the schema, the région and
 * département names are the directory's. The tables below exist only here: the schema describes
 * those values in English.
 */
export { THEME_LABELS, REGION_NAMES, DEPARTEMENT_NAMES } from './generated/labels';

export const STATUS_LABELS: Record<ToolStatus, string> = {
  PLANNED: 'En projet',
  PILOT: 'Expérimentation',
  OPERATIONAL: 'En service',
  RETIRED: 'Arrêté',
};

export const RISK_LABELS: Record<RiskLevel, string> = {
  MINIMAL: 'Risque minimal',
  LIMITED: 'Risque limité',
  HIGH: 'Haut risque',
  UNACCEPTABLE: 'Risque inacceptable',
};

export const ALGORITHM_TYPE_LABELS: Record<AlgorithmType, string> = {
  RULE_BASED: 'Système de règles',
  MACHINE_LEARNING: 'Apprentissage automatique',
  GENERATIVE_LLM: 'IA générative',
  HYBRID: 'Hybride',
};

export const AI_ACT_ROLE_LABELS: Record<AiActRole, string> = {
  PROVIDER: 'Fournisseur',
  DEPLOYER: 'Déployeur',
  IMPORTER: 'Importateur',
  DISTRIBUTOR: 'Distributeur',
};

export const AUTOMATION_LABELS: Record<AutomationLevel, string> = {
  INFORMATIVE: 'Information seule',
  DECISION_SUPPORT: 'Aide à la décision',
  PARTIALLY_AUTOMATED: 'Partiellement automatisé',
  FULLY_AUTOMATED: 'Entièrement automatisé',
};

export const HOSTING_LABELS: Record<Hosting, string> = {
  ON_PREMISES: 'Serveurs de la collectivité',
  FRENCH_CLOUD: 'Cloud en France',
  EU_CLOUD: 'Cloud dans l’Union européenne',
  NON_EU_CLOUD: 'Cloud hors Union européenne',
};

export const STATE_LABELS: Record<PublicationState, string> = {
  DRAFT: 'Brouillon',
  PUBLISHED: 'Publié',
  WITHDRAWN: 'Retiré',
  ARCHIVED: 'Archivé',
};

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  PUBLIC: 'Public',
  PARTNERS: 'Partenaires',
};

export const IMPACT_ASSESSMENT_LABELS: Record<ImpactAssessmentType, string> = {
  DPIA: 'Analyse d’impact relative à la protection des données (AIPD)',
  FRIA: 'Analyse d’impact sur les droits fondamentaux',
  ALGORITHMIC_IMPACT: 'Analyse d’impact algorithmique',
  OTHER: 'Autre analyse',
};

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  PUBLISHED: 'Publication',
  UPDATED: 'Mise à jour',
  WITHDRAWN: 'Retrait',
  ARCHIVED: 'Archivage',
};

export const KIND_LABELS: Record<CollectiviteKind, string> = {
  COMMUNE: 'Commune',
  COMMUNAUTE_DE_COMMUNES: 'Communauté de communes',
  COMMUNAUTE_D_AGGLOMERATION: 'Communauté d’agglomération',
  COMMUNAUTE_URBAINE: 'Communauté urbaine',
  METROPOLE: 'Métropole',
  DEPARTEMENT: 'Département',
  REGION: 'Région',
  SYNDICAT: 'Syndicat',
  OTHER: 'Autre organisme public',
};

export const PRODUCT_CATEGORY_LABELS: Record<ProductCategory, string> = {
  GENERAL_ASSISTANT: 'Assistant généraliste',
  LANGUAGE_MODEL: 'Modèle de langage',
  SPEECH_TO_TEXT: 'Transcription de la parole',
  OCR_DOCUMENT: 'Reconnaissance de texte et documents',
  TRANSLATION: 'Traduction automatique',
  COMPUTER_VISION: 'Analyse d’images et de vidéos',
  CHATBOT_PLATFORM: 'Plateforme d’agents conversationnels',
  DATA_PLATFORM: 'Plateforme de données et d’apprentissage',
  OTHER: 'Autre',
};

export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  ACTIVE: 'Membre actif',
  SUSPENDED: 'Membre suspendu',
  UNREACHABLE: 'Registre injoignable',
};

/** Every label table, by the name of its enum in the schema. */
export const ENUM_LABELS = {
  Theme: THEME_LABELS,
  ToolStatus: STATUS_LABELS,
  RiskLevel: RISK_LABELS,
  AlgorithmType: ALGORITHM_TYPE_LABELS,
  AiActRole: AI_ACT_ROLE_LABELS,
  AutomationLevel: AUTOMATION_LABELS,
  Hosting: HOSTING_LABELS,
  PublicationState: STATE_LABELS,
  Visibility: VISIBILITY_LABELS,
  ImpactAssessmentType: IMPACT_ASSESSMENT_LABELS,
  ChangeKind: CHANGE_KIND_LABELS,
  CollectiviteKind: KIND_LABELS,
  ProductCategory: PRODUCT_CATEGORY_LABELS,
  MembershipStatus: MEMBERSHIP_STATUS_LABELS,
} as const;
