import { isValidSiren } from '@bibia/kit';
import { aiProductData } from '../src/aiProduct/upsertAiProduct';
import { collectiviteData } from '../src/collectivite/upsertCollectivite';
import { FIRST_MEMBER_SIRENS, SEED_COLLECTIVITES } from '../src/seed/collectivites';
import { SEED_AI_PRODUCTS } from '../src/seed/aiProducts';

describe('seed data', () => {
  it('has Luhn-valid, unique SIRENs, vendor SIRENs included', () => {
    const sirens = SEED_COLLECTIVITES.map((c) => c.siren);
    expect(sirens.filter((s) => !isValidSiren(s))).toEqual([]);
    expect(new Set(sirens).size).toBe(sirens.length);
    const vendorSirens = SEED_AI_PRODUCTS.flatMap((p) => (p.vendor.siren ? [p.vendor.siren] : []));
    expect(vendorSirens.filter((s) => !isValidSiren(s))).toEqual([]);
  });

  it('passes the checks of the mutations (the seed fails loudly otherwise)', () => {
    expect(() => SEED_COLLECTIVITES.map(collectiviteData)).not.toThrow();
    expect(() => SEED_AI_PRODUCTS.map(aiProductData)).not.toThrow();
  });

  it('has the three first members and about fifty other collectivités of the Hauts-de-France', () => {
    const data = SEED_COLLECTIVITES.map(collectiviteData);
    const bySiren = new Map(data.map((c) => [c.siren, c]));
    expect(bySiren.get('200072460')).toMatchObject({ kind: 'COMMUNAUTE_D_AGGLOMERATION', departement: '62', region: '32' });
    expect(bySiren.get('216200410')).toMatchObject({ kind: 'COMMUNE', departement: '62', cogCode: '62041' });
    expect(bySiren.get('226200012')).toMatchObject({ kind: 'DEPARTEMENT', departement: '62' });
    expect(FIRST_MEMBER_SIRENS.every((s) => bySiren.has(s))).toBe(true);
    expect(data.length).toBeGreaterThanOrEqual(50);
    expect(data.every((c) => c.region === '32')).toBe(true);
    const kinds = new Set(data.map((c) => c.kind));
    for (const kind of ['COMMUNE', 'COMMUNAUTE_DE_COMMUNES', 'COMMUNAUTE_D_AGGLOMERATION', 'COMMUNAUTE_URBAINE', 'METROPOLE', 'DEPARTEMENT', 'REGION', 'SYNDICAT']) {
      expect(kinds).toContain(kind);
    }
    for (const dep of ['02', '59', '60', '62', '80']) {
      expect(data.some((c) => c.kind === 'DEPARTEMENT' && c.departement === dep)).toBe(true);
    }
  });

  it('has the agreed product ids', () => {
    expect(SEED_AI_PRODUCTS.map((p) => p.id).sort()).toEqual(
      [
        'albert', 'mistral-le-chat', 'microsoft-copilot', 'openai-chatgpt', 'google-gemini', 'whisper', 'tesseract-ocr',
        'abbyy-finereader', 'deepl', 'lighton-paradigm', 'dataiku', 'aws-rekognition', 'ultralytics-yolo', 'rasa', 'meta-llama',
      ].sort(),
    );
  });
});
