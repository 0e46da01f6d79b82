import { connectionOf } from '@bibia/kit';
import { AiProduct } from './aiProduct';

export const AiProductConnection = connectionOf(AiProduct, 'AiProduct', 'product', 'sorted by name then id');
