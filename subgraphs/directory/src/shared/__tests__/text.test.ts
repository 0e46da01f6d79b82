import { normalizeText } from '@bibia/kit';
import { searchWords } from '../text';

describe('searchWords', () => {
  it('splits the normalised search (normalizeText of the kit) into words', () => {
    expect(normalizeText("Communauté d'agglomération de Béthune-Bruay, Artois Lys Romane")).toBe(
      'communaute d agglomeration de bethune bruay artois lys romane',
    );
    expect(normalizeText('Marcq-en-Barœul')).toBe('marcq en baroeul');
    expect(searchWords('  BÉTHUNE   bruay ')).toEqual(['bethune', 'bruay']);
    expect(searchWords('%_')).toEqual([]);
  });
});
