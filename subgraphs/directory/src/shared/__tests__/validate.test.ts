import { checkHttpUrl, checkSiren, checkText } from '../validate';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe('input checks', () => {
  it('SIREN: 9 digits with a Luhn check digit', () => {
    expect(checkSiren(' 216200410 ', 'siren')).toBe('216200410');
    expect(code(() => checkSiren('216200411', 'siren'))).toEqual({ code: 'BAD_USER_INPUT', field: 'siren' });
    expect(code(() => checkSiren('21620041', 'input.siren'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.siren' });
  });

  it('URLs: http or https only, no credentials', () => {
    expect(checkHttpUrl('https://www.arras.fr/graphql', 'u')).toBe('https://www.arras.fr/graphql');
    for (const bad of ['javascript:alert(1)', 'ftp://x.fr', 'pas une url', 'https://user:pw@x.fr', `https://x.fr/${'a'.repeat(2050)}`]) {
      expect(code(() => checkHttpUrl(bad, 'u'))).toEqual({ code: 'BAD_USER_INPUT', field: 'u' });
    }
  });

  it('texts: trimmed, bounded, no control characters', () => {
    expect(checkText('  Arras ', 'name', { max: 10 })).toBe('Arras');
    expect(code(() => checkText('   ', 'name', { max: 10 }))?.code).toBe('BAD_USER_INPUT');
    expect(code(() => checkText('x'.repeat(11), 'name', { max: 10 }))?.code).toBe('BAD_USER_INPUT');
    expect(code(() => checkText('a\u0000b', 'name', { max: 10 }))?.code).toBe('BAD_USER_INPUT');
    expect(checkText('ligne 1\nligne 2', 'd', { max: 50 })).toBe('ligne 1\nligne 2');
  });
});
