import { modelInputType, type ModelInput } from '../model/toGraphQL';
import { practiceReportModel } from './practiceReport.model';

export const PracticeReportInput = modelInputType(practiceReportModel, {
  name: 'PracticeReportInput',
  description: 'A new practice report. Saved as a draft until published.',
  patch: false,
  slugHint: 'Slug of the id; derived from the title when absent.',
});
export type PracticeReportInput = ModelInput<typeof practiceReportModel>;

export const PracticeReportPatch = modelInputType(practiceReportModel, {
  name: 'PracticeReportPatch',
  description: 'Changes to a practice report.',
  patch: true,
  slugHint: 'Not changeable.',
});
export type PracticeReportPatch = ModelInput<typeof practiceReportModel>;
