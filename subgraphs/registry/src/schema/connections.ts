import { connectionOf } from '@bibia/kit';
import { AiTool } from './AiTool';
import { PracticeReport } from './PracticeReport';
import { Change } from './Registry';

export const AiToolConnection = connectionOf(AiTool, 'AiTool', 'tool');
export const PracticeReportConnection = connectionOf(PracticeReport, 'PracticeReport', 'practice report');
export const ChangeConnection = connectionOf(Change, 'Change', 'change');
