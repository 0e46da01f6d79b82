import { connectionOf } from '@bibia/kit';
import { PracticeReport } from './practiceReport';

export const PracticeReportConnection = connectionOf(PracticeReport, 'PracticeReport', 'practice report');
