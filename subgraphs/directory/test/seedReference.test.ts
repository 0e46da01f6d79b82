import { readReference } from '../src/reference/readReference';
import { SEED_COLLECTIVITES } from '../src/seed/collectivites';

// Communes (7210) and intercommunalités (72xx/73xx EPCI) of the seed must be the official ones:
// the directory loads the reference next to the seed, and the two must not disagree.
describe('the seed agrees with the official reference', () => {
  const reference = new Map(readReference().rows.map((r) => [r.siren, r]));
  const inReference = SEED_COLLECTIVITES.filter((c) => !['7220', '7230', '7354', '7355'].includes(c.legalCategory));

  it('covers the communes and intercommunalités of the seed', () => {
    expect(inReference.length).toBeGreaterThanOrEqual(50);
  });

  it.each(inReference.map((c) => [c.siren, c.name, c] as const))('%s %s is in the reference, same place', (_siren, _name, seed) => {
    const row = reference.get(seed.siren);
    expect(row).toBeDefined();
    expect(row!.departement).toBe(seed.departement ?? null);
    if (seed.cogCode) expect(row!.cogCode).toBe(seed.cogCode);
  });
});
