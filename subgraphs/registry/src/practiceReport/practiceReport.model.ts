import * as f from '../model/fields';
import { Visibility } from '../shared/enums';

/*
 * The one definition of a practice report's fields (see aiTool.model.ts for what derives from it).
 */

export const indicatorModel = f.defineItem({
  output: { name: 'Indicator', description: 'A measured result of the practice.' },
  input: { name: 'IndicatorInput', description: 'A measured result.' },
  fields: {
    name: f.text(200, {
      required: true,
      label: 'Indicateur',
      description: 'What is measured (e.g. "Délai moyen de réponse").',
      inputHint: 'What is measured (at most 200 characters).',
    }),
    value: f.number({ label: 'Valeur', description: 'Measured value.', inputHint: 'Measured value.' }),
    unit: f.text(50, { label: 'Unité', description: 'Unit (e.g. "jours", "%", "€").', inputHint: 'Unit (at most 50 characters).' }),
  },
});

export const practiceReportModel = f.defineModel({
  name: 'PracticeReport',
  titleField: 'title',
  fields: {
    title: f.text(200, { required: true, label: 'Titre', description: 'Title of the report.', inputHint: 'At most 200 characters.' }),
    reportDate: f.date({ required: true, label: 'Date du retour', description: 'Date of the report.', inputHint: 'Date of the report.' }),
    authorRole: f.text(200, {
      label: 'Fonction de l’auteur',
      description: 'Role of the author (e.g. "Chef de projet numérique"), never a personal name.',
      inputHint: 'Role of the author, not a personal name.',
    }),
    visibility: f.enumeration(Visibility, { default: 'PUBLIC', label: 'Visibilité', description: 'Who may read it.', inputHint: 'Default PUBLIC.' }),
    context: f.text(20000, { label: 'Contexte', description: 'Context: the need, the situation before.', inputHint: 'Context.' }),
    whatWasDone: f.text(20000, { label: 'Démarche', description: 'What was done: steps, people involved, timeline.', inputHint: 'What was done.' }),
    results: f.text(20000, { label: 'Résultats', description: 'Results, in words.', inputHint: 'Results.' }),
    indicators: f.objectList(indicatorModel, { max: 50, noun: 'indicator' }, {
      label: 'Indicateurs',
      description: 'Results, measured.',
      inputHint: 'Replaces the whole list.',
    }),
    costs: f.text(4000, { label: 'Coûts', description: 'Costs: purchase, subscription, staff time.', inputHint: 'Costs.' }),
    lessons: f.text(20000, { label: 'Enseignements', description: 'Lessons learnt; what to do differently.', inputHint: 'Lessons learnt.' }),
    ethics: f.text(20000, { label: 'Éthique', description: 'Ethics: bias, transparency to residents, citizen participation.', inputHint: 'Ethics.' }),
    staffConsulted: f.boolean({
      label: 'Représentants du personnel consultés',
      description: 'Whether staff representatives were consulted (e.g. the CST).',
      inputHint: 'Staff representatives consulted.',
    }),
    staffTraining: f.text(4000, { label: 'Formation des agents', description: 'Training given to agents.', inputHint: 'Training of agents.' }),
    jobImpact: f.text(4000, { label: 'Effets sur l’emploi', description: 'Effect on jobs and work organisation.', inputHint: 'Effect on jobs.' }),
    socialDialogue: f.text(20000, { label: 'Dialogue social', description: 'Social dialogue with staff: how it went.', inputHint: 'Social dialogue.' }),
  },
});

export type PracticeReportModel = typeof practiceReportModel;
