import { normalizeText, searchWords } from '../text';

describe('normalizeText', () => {
  it('drops case, accents, ligatures and punctuation', () => {
    expect(normalizeText("Communauté d'agglomération de Béthune-Bruay, Artois Lys Romane")).toBe(
      'communaute d agglomeration de bethune bruay artois lys romane',
    );
    expect(normalizeText('Marcq-en-Barœul')).toBe('marcq en baroeul');
    expect(searchWords('  BÉTHUNE   bruay ')).toEqual(['bethune', 'bruay']);
    expect(searchWords('%_')).toEqual([]);
  });
});
