import { recordSchema, type ModelRecord } from '../model/toZod';
import { practiceReportModel } from './practiceReport.model';

/** What a publisher sends for a practice report, checked. */
export const reportRecordSchema = recordSchema(practiceReportModel);

export type ReportRecord = ModelRecord<typeof practiceReportModel>;
