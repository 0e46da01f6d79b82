import { HOSTING_ENUM } from '@bibia/kit';
import { registerEnumType } from 'type-graphql';
import { registerEnum } from '../model/enumNames';
import {
  AiActRole, AlgorithmType, AutomationLevel, Hosting, PublicationState, RiskLevel, Theme, ToolStatus, Visibility,
} from '../generated/prisma/enums';

export { AiActRole, AlgorithmType, AutomationLevel, Hosting, PublicationState, RiskLevel, Theme, ToolStatus, Visibility };

registerEnum(PublicationState, {
  name: 'PublicationState',
  description: 'Where an entry is in the publishing workflow.',
  valuesConfig: {
    DRAFT: { description: 'Being written; visible to the publishers of this registry only.' },
    PUBLISHED: { description: 'Public.' },
    WITHDRAWN: { description: 'Taken out of the public lists; still readable by id, with its history.' },
    ARCHIVED: { description: 'Kept for the record; no further change.' },
  },
});

/** French labels of the themes (shown by clients; the descriptions of the enum values). */
export const THEME_LABELS: Record<Theme, string> = {
  ADMINISTRATION: 'Administration générale',
  CITIZEN_RELATIONS: 'Relation aux usagers',
  SOCIAL_ACTION: 'Action sociale',
  HEALTH: 'Santé',
  EDUCATION: 'Éducation',
  CHILDHOOD_YOUTH: 'Enfance et jeunesse',
  CULTURE_SPORT: 'Culture et sport',
  MOBILITY_TRANSPORT: 'Mobilité et transports',
  ROADS_PUBLIC_SPACE: 'Voirie et espace public',
  URBAN_PLANNING: 'Urbanisme',
  HOUSING: 'Logement',
  ENVIRONMENT: 'Environnement',
  WASTE: 'Déchets',
  WATER_SANITATION: 'Eau et assainissement',
  ENERGY: 'Énergie',
  PUBLIC_SAFETY: 'Sécurité et prévention',
  ECONOMY_EMPLOYMENT: 'Économie et emploi',
  TOURISM: 'Tourisme',
  FINANCE_BUDGET: 'Finances et budget',
  HUMAN_RESOURCES: 'Ressources humaines',
  DIGITAL_IT: 'Numérique et systèmes d’information',
  ELECTIONS_CIVIL_STATUS: 'Élections et état civil',
};

registerEnum(Theme, {
  name: 'Theme',
  description: 'Public-policy theme (fixed vocabulary shared by all members). Each value is described by its French label.',
  valuesConfig: Object.fromEntries(Object.entries(THEME_LABELS).map(([k, label]) => [k, { description: label }])),
});

registerEnum(ToolStatus, {
  name: 'ToolStatus',
  description: 'Life-cycle stage of the tool in the collectivité.',
  valuesConfig: {
    PLANNED: { description: 'Decided or being designed, not used yet.' },
    PILOT: { description: 'Tried on a limited scope.' },
    OPERATIONAL: { description: 'In regular use.' },
    RETIRED: { description: 'No longer used.' },
  },
});

registerEnum(AlgorithmType, {
  name: 'AlgorithmType',
  description: 'Kind of algorithm.',
  valuesConfig: {
    RULE_BASED: { description: 'Explicit rules written by people.' },
    MACHINE_LEARNING: { description: 'A model learnt from data (classification, prediction, vision...).' },
    GENERATIVE_LLM: { description: 'A generative model, e.g. a large language model.' },
    HYBRID: { description: 'A combination of the above.' },
  },
});

registerEnum(RiskLevel, {
  name: 'RiskLevel',
  description: 'Risk level under the EU AI Act (Regulation (EU) 2024/1689).',
  valuesConfig: {
    MINIMAL: { description: 'Minimal risk: no specific obligation.' },
    LIMITED: { description: 'Limited risk: transparency obligations (e.g. chatbots, generated content).' },
    HIGH: { description: 'High risk (Annex III, e.g. access to essential public services).' },
    UNACCEPTABLE: { description: 'Prohibited practice (Article 5).' },
  },
});

registerEnum(AiActRole, {
  name: 'AiActRole',
  description: 'Role of the collectivité under the AI Act.',
  valuesConfig: {
    PROVIDER: { description: 'Develops the system (or has it developed) and puts it into service under its name.' },
    DEPLOYER: { description: 'Uses a system under its authority.' },
    IMPORTER: { description: 'Places on the EU market a system from a provider outside the EU.' },
    DISTRIBUTOR: { description: 'Makes a system available without being provider or importer.' },
  },
});

registerEnum(AutomationLevel, {
  name: 'AutomationLevel',
  description: 'How far the tool acts without a person.',
  valuesConfig: {
    INFORMATIVE: { description: 'Produces information only; no decision is based on it directly.' },
    DECISION_SUPPORT: { description: 'Proposes; an agent decides every case.' },
    PARTIALLY_AUTOMATED: { description: 'Some cases are decided automatically, others by an agent.' },
    FULLY_AUTOMATED: { description: 'Decides without a person in the loop.' },
  },
});

registerEnum(Hosting, HOSTING_ENUM);

registerEnum(Visibility, {
  name: 'Visibility',
  description: 'Who may read a practice report.',
  valuesConfig: {
    PUBLIC: { description: 'Everyone.' },
    PARTNERS: { description: 'Publishers of this registry and authenticated partners only.' },
  },
});

export enum AiToolOrder {
  NAME = 'NAME',
  RECENT = 'RECENT',
}
registerEnumType(AiToolOrder, {
  name: 'AiToolOrder',
  description: 'Sort order of a list. Every member sorts the same way, so pages from several members merge.',
  valuesConfig: {
    NAME: { description: 'By name (lower case, accents removed), then id.' },
    RECENT: { description: 'Most recently updated first, then id.' },
  },
});

export enum ChangeKind {
  PUBLISHED = 'PUBLISHED',
  UPDATED = 'UPDATED',
  WITHDRAWN = 'WITHDRAWN',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What happened to a public entry.',
  valuesConfig: {
    PUBLISHED: { description: 'Made public for the first time (or again after a withdrawal).' },
    UPDATED: { description: 'A new version of a public entry was published.' },
    WITHDRAWN: { description: 'Taken out of the public lists.' },
    ARCHIVED: { description: 'Archived.' },
  },
});

export enum EntityType {
  AI_TOOL = 'AI_TOOL',
  PRACTICE_REPORT = 'PRACTICE_REPORT',
}
registerEnumType(EntityType, {
  name: 'EntityType',
  description: 'Kind of entry in the change feed.',
  valuesConfig: { AI_TOOL: { description: 'An AiTool.' }, PRACTICE_REPORT: { description: 'A PracticeReport.' } },
});

export enum ImpactAssessmentType {
  DPIA = 'DPIA',
  FRIA = 'FRIA',
  ALGORITHMIC_IMPACT = 'ALGORITHMIC_IMPACT',
  OTHER = 'OTHER',
}
registerEnum(ImpactAssessmentType, {
  name: 'ImpactAssessmentType',
  description: 'Kind of impact assessment.',
  valuesConfig: {
    DPIA: { description: 'Data protection impact assessment (AIPD, GDPR art. 35).' },
    FRIA: { description: 'Fundamental rights impact assessment (AI Act art. 27).' },
    ALGORITHMIC_IMPACT: { description: 'Algorithmic impact assessment (e.g. IAMA, Etalab grid).' },
    OTHER: { description: 'Another assessment.' },
  },
});
