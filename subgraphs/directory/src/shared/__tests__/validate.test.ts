import { checkHttpUrl, checkOptionalText, checkSiren, checkText } from '../validate';

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

  it('texts: the plain-text policy (invisible characters removed), trimmed, then bounded', () => {
    expect(checkText('  Arras ', 'name', { max: 10 })).toBe('Arras');
    expect(code(() => checkText('   ', 'name', { max: 10 }))?.code).toBe('BAD_USER_INPUT');
    expect(code(() => checkText('x'.repeat(11), 'name', { max: 10 }))?.code).toBe('BAD_USER_INPUT');
    expect(checkText('ligne 1\nligne 2', 'd', { max: 50 })).toBe('ligne 1\nligne 2');
    // Stored without them, as the registries do: a bidi override, a C1 CSI, NUL, a zero-width space.
    expect(checkText('Arras\u202E txt.exe', 'name', { max: 20 })).toBe('Arras txt.exe');
    expect(checkText('a\u009B31mb\u0000c\u200B', 'name', { max: 10 })).toBe('a31mbc');
    expect(checkText('ligne 1\r\nligne 2', 'd', { max: 50 })).toBe('ligne 1\nligne 2');
    // Bounds apply to what is stored: only invisible characters is empty; they do not count in the length.
    expect(code(() => checkText('\u202E\u200B', 'name', { max: 10 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(checkText(`${'x'.repeat(10)}\u202E`, 'name', { max: 10 })).toBe('x'.repeat(10));
  });

  it('optional texts: absent when nothing visible is left', () => {
    expect(checkOptionalText(null, 'd', 10)).toBeNull();
    expect(checkOptionalText(' \u200B ', 'd', 10)).toBeNull();
    expect(checkOptionalText(' Lens\u202E ', 'd', 10)).toBe('Lens');
  });
});
