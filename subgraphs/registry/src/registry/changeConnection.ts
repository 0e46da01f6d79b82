import { connectionOf } from '@bibia/kit';
import { Change } from './registry';

export const ChangeConnection = connectionOf(Change, 'Change', 'change');
