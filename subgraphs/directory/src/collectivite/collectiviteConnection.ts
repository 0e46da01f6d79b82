import { connectionOf } from '@bibia/kit';
import { Collectivite } from './collectivite';

export const CollectiviteConnection = connectionOf(Collectivite, 'Collectivite', 'collectivité', 'sorted by name then SIREN');
