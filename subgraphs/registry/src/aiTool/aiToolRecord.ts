import { recordSchema, type ModelRecord } from '../model/toZod';
import { aiToolModel } from './aiTool.model';

/** What a publisher sends for a tool, checked: typed mutations and the bulk import share it. */
export const toolRecordSchema = recordSchema(aiToolModel);

export type ToolRecord = ModelRecord<typeof aiToolModel>;
