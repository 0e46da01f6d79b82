import { isValidSiren, withCheckDigit } from '../siren';

describe('SIREN', () => {
  it('accepts real SIRENs and refuses a wrong check digit or format', () => {
    for (const s of ['200072460', '216200410', '226200012']) expect(isValidSiren(s)).toBe(true);
    for (const s of ['200072461', '21620041', '2162004100', '21620041a', '']) expect(isValidSiren(s)).toBe(false);
  });
  it('completes 8 digits with their check digit', () => {
    expect(withCheckDigit('21620041')).toBe('216200410');
    expect(isValidSiren(withCheckDigit('12345678'))).toBe(true);
  });
});
