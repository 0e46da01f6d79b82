import { connectionOf } from '@bibia/kit';
import { AiTool } from './aiTool';

export const AiToolConnection = connectionOf(AiTool, 'AiTool', 'tool');
