import * as f from '../model/fields';
import {
  AiActRole, AlgorithmType, AutomationLevel, Hosting, ImpactAssessmentType, RiskLevel, Theme, ToolStatus,
} from '../shared/enums';

/*
 * The one definition of a tool's fields. Storage (prisma/schema.prisma, by `npm run generate`),
 * validation, the GraphQL output, input and patch types and the row mapping derive from it; the
 * order below is the order of the contract. Fields every entry has (id, slug, state, version,
 * dates) are not listed: the workflow owns them.
 */

export const dataSourceModel = f.defineItem({
  output: { name: 'DataSource', description: 'A source of data the tool uses.' },
  input: { name: 'DataSourceInput', description: 'A source of data the tool uses.' },
  fields: {
    name: f.text(200, {
      required: true,
      label: 'Nom de la source',
      description: 'Name of the data set or system (e.g. "Courriers entrants numérisés").',
      inputHint: 'At most 200 characters.',
    }),
    description: f.text(2000, { label: 'Description', description: 'What the data is and how it is used.', inputHint: 'At most 2000 characters.' }),
    personalData: f.nullableBoolean({
      label: 'Données personnelles',
      description: 'Whether it contains personal data (GDPR); null when not stated.',
      inputHint: 'Contains personal data; null or absent when not stated.',
    }),
  },
});

export const impactAssessmentModel = f.defineItem({
  output: { name: 'ImpactAssessment', description: 'An impact assessment carried out on the tool.' },
  input: { name: 'ImpactAssessmentInput', description: 'An impact assessment.' },
  fields: {
    type: f.enumeration(ImpactAssessmentType, { label: 'Type d’analyse', description: 'Kind of assessment.', inputHint: 'Kind of assessment.' }),
    date: f.date({ label: 'Date', description: 'When it was completed.', inputHint: 'When it was completed.' }),
    url: f.url({ label: 'Adresse de publication', description: 'Where it is published, if it is.', inputHint: 'http(s) URL.' }),
  },
});

export const aiToolModel = f.defineModel({
  name: 'AiTool',
  titleField: 'name',
  fields: {
    name: f.text(100, { required: true, label: 'Nom de l’outil', description: 'Name of the tool (at most 100 characters).', inputHint: 'At most 100 characters.' }),
    summary: f.text(400, {
      label: 'Résumé',
      description: 'Short description (at most 400 characters); empty when the register of origin gives none.',
      inputHint: 'At most 400 characters.',
    }),
    description: f.text(20000, { label: 'Description', description: 'Full description: how it works, in plain text.', inputHint: 'Plain text.' }),
    purpose: f.text(4000, { label: 'Finalité', description: 'Goal: the public need it serves, why an algorithm.', inputHint: 'Goal of the tool.' }),
    department: f.text(200, { label: 'Service utilisateur', description: 'Department or service of the collectivité that uses it.', inputHint: 'Department or service that uses it.' }),
    themes: f.enumList(Theme, { min: 0, max: 5, noun: 'theme' }, {
      label: 'Thématiques',
      description: 'Public-policy themes; empty when not stated.',
      inputHint: 'At most 5 themes; may be empty.',
    }),
    status: f.nullableEnumeration(ToolStatus, { label: 'Statut', description: 'Life-cycle stage; null when not stated.', inputHint: 'Life-cycle stage.' }),
    startDate: f.date({ label: 'Date de mise en service', description: 'Start of use (or of the pilot).', inputHint: 'Start of use.' }),
    endDate: f.date({ notBefore: 'startDate', label: 'Date de fin d’usage', description: 'End of use.', inputHint: 'End of use; not before startDate.' }),
    algorithmType: f.nullableEnumeration(AlgorithmType, {
      label: 'Type d’algorithme',
      description: 'Kind of algorithm; null when not stated.',
      inputHint: 'Kind of algorithm.',
    }),
    riskLevel: f.nullableEnumeration(RiskLevel, {
      label: 'Niveau de risque (AI Act)',
      description: 'AI Act risk level, as assessed by the collectivité; null when not stated.',
      inputHint: 'AI Act risk level.',
    }),
    aiActRole: f.nullableEnumeration(AiActRole, {
      label: 'Rôle au sens de l’AI Act',
      description: 'Role of the collectivité under the AI Act; null when not stated.',
      inputHint: 'Role under the AI Act; absent when not stated (never assumed).',
    }),
    automationLevel: f.nullableEnumeration(AutomationLevel, {
      label: 'Niveau d’automatisation',
      description: 'How far the tool acts without a person; null when not stated.',
      inputHint: 'Automation level; absent when not stated (never assumed).',
    }),
    individualDecisions: f.nullableBoolean({
      label: 'Décisions individuelles',
      description: 'Whether it contributes to individual administrative decisions (CRPA L311-3-1); null when not stated.',
      inputHint: 'Absent when not stated (never assumed).',
    }),
    decisionsPerYear: f.int({ min: 0, max: 100_000_000 }, {
      label: 'Décisions par an',
      description: 'Number of decisions it contributes to per year, when known.',
      inputHint: 'Decisions per year.',
    }),
    affectedPublic: f.text(2000, { label: 'Publics concernés', description: 'Who is affected: residents, agents, businesses...', inputHint: 'Who is affected.' }),
    humanOversight: f.text(4000, {
      label: 'Contrôle humain et recours',
      description: 'How people oversee it and can override it; how a resident can object.',
      inputHint: 'Human oversight and recourse.',
    }),
    dataSources: f.objectList(dataSourceModel, { max: 50, noun: 'data source' }, {
      label: 'Sources de données',
      description: 'Data the tool uses.',
      inputHint: 'Replaces the whole list.',
    }),
    legalBasis: f.text(2000, { label: 'Base légale', description: 'Legal basis of the processing.', inputHint: 'Legal basis.' }),
    impactAssessments: f.objectList(impactAssessmentModel, { max: 20, noun: 'impact assessment' }, {
      label: 'Analyses d’impact',
      description: 'Impact assessments carried out.',
      inputHint: 'Replaces the whole list.',
    }),
    hosting: f.nullableEnumeration(Hosting, { label: 'Hébergement', description: 'Where it runs (sovereignty); null when not stated.', inputHint: 'Where it runs.' }),
    hostingDetails: f.text(1000, {
      label: 'Détails d’hébergement',
      description: 'Details on hosting: provider, region, certifications (SecNumCloud, HDS...).',
      inputHint: 'Hosting details.',
    }),
    // Shown through the `provider` and `product` field resolvers, not as such.
    providerName: f.text(200, { output: false, label: 'Fournisseur', inputHint: 'Provider name.' }),
    providerSiren: f.siren({ output: false, label: 'SIREN du fournisseur', inputHint: 'Provider SIREN (9 digits with check digit).' }),
    productId: f.productId({ output: false, label: 'Produit du catalogue', inputHint: 'Id of a product of the shared catalogue.' }),
    openSource: f.nullableBoolean({
      label: 'Code ouvert',
      description: 'Whether the tool is open source; null when not stated.',
      inputHint: 'Absent when not stated (never assumed).',
    }),
    sourceCodeUrl: f.url({ label: 'Code source', description: 'Where the source code is published.', inputHint: 'http(s) URL of the source code.' }),
    licence: f.nullableText(100, { label: 'Licence', description: 'Licence of the code or model.', inputHint: 'Licence.' }),
    contactEmail: f.email({ label: 'Contact', description: 'Contact for questions about the tool.', inputHint: 'Contact email.' }),
    websiteUrl: f.url({ label: 'Page publique', description: 'Public page about the tool.', inputHint: 'http(s) URL of a public page.' }),
    source: f.nullableText(40, {
      label: 'Registre d’origine',
      description: 'The register the entry was imported from (e.g. `nl-algoritmeregister`, `uk-atrs`, `eurocities`, `etalab`); null when entered here.',
      inputHint: 'Register the row comes from; with externalId, matches the entry at re-import.',
    }),
    externalId: f.nullableText(200, {
      label: 'Identifiant d’origine',
      description: 'The id of the entry in its register of origin (e.g. the Dutch register’s id, a UUID, a GOV.UK address).',
      inputHint: 'Id in the register of origin (at most 200 characters).',
    }),
    sourceExtra: f.jsonObject({ maxChars: 100_000, maxKeys: 200 }, {
      label: 'Champs du registre d’origine',
      description:
        'Fields of the register of origin kept as published: those with no field here, and the original wording of those converted (so that an export in the source format gives back what was imported).',
      inputHint: 'JSON object of the source record’s fields, at most 200 keys and 100,000 characters.',
    }),
  },
});

export type AiToolModel = typeof aiToolModel;
