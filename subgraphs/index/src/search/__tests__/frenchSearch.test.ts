import { foldTexts, toTsQuery } from '../frenchSearch';

describe('toTsQuery', () => {
  it('folds accents and case, and makes every word a prefix', () => {
    expect(toTsQuery('État Civil')).toBe('etat:* & civil:*');
    expect(toTsQuery('vidéo')).toBe('video:*');
  });

  it('reads phrases and exclusions of the web-search syntax', () => {
    expect(toTsQuery('"état civil" -registres')).toBe('(etat <-> civil:*) & !(registres:*)');
    expect(toTsQuery('-seulement')).toBeNull();
  });

  it('never produces tsquery syntax from what users type', () => {
    expect(toTsQuery("l'état & (civil) | !:*")).toBe('etat:* & civil:*');
    expect(toTsQuery('   ')).toBeNull();
    expect(toTsQuery('!!!')).toBeNull();
  });

  it('refuses searches over 200 characters', () => {
    expect(() => toTsQuery('a'.repeat(201))).toThrow(/200/);
  });
});

describe('foldTexts', () => {
  it('folds every weight', () => {
    expect(foldTexts({ a: 'Vidéoprotection', b: 'Œuvre', c: 'État-civil' })).toEqual({ a: 'videoprotection', b: 'oeuvre', c: 'etat civil' });
  });
});
