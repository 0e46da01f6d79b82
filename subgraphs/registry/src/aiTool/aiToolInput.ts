import { modelInputType, type ModelInput } from '../model/toGraphQL';
import { aiToolModel } from './aiTool.model';

export const AiToolInput = modelInputType(aiToolModel, {
  name: 'AiToolInput',
  description: 'A new tool. Saved as a draft until published.',
  patch: false,
  slugHint: 'Slug of the id (`[a-z0-9-]`, at most 80); derived from the name when absent.',
});
export type AiToolInput = ModelInput<typeof aiToolModel>;

export const AiToolPatch = modelInputType(aiToolModel, {
  name: 'AiToolPatch',
  description: 'Changes to a tool: only the fields given change.',
  patch: true,
  slugHint: 'Not changeable: ids never change.',
});
export type AiToolPatch = ModelInput<typeof aiToolModel>;
