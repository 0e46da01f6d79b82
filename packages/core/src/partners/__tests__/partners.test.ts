import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../logger';
import { ConfigError } from '../../config';
import { memberAudience, PARTNER_AUDIENCE, REVOCATIONS_PATH } from '../claims';
import { generateHubSigningKey, importHubSigningKey, parseHubSigningJwk, type HubSigningKey } from '../hubSigningKey';
import { PartnerVerifier } from '../PartnerVerifier';
import { RevocationList } from '../RevocationList';
import { signHubCredential } from '../signHubCredential';

const A = '200072460';
const B = '216200410';
const logger = createLogger('test');

/** A hub reduced to its revocation list, on port 0; `down` makes it answer 503. */
let hub: http.Server;
let hubUrl: string;
let revoked: string[] = [];
let down = false;
let key: HubSigningKey;
beforeAll(async () => {
  key = await importHubSigningKey(await generateHubSigningKey());
  hub = http.createServer((req, res) => {
    if (down || req.url !== REVOCATIONS_PATH) {
      res.writeHead(down ? 503 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: 'urn:bibia:hub', revoked: revoked.map((id) => ({ id, expiresAt: '2999-01-01T00:00:00Z' })) }));
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => hub.close(resolve)));
beforeEach(() => {
  revoked = [];
  down = false;
});

function verifierAt(siren: string, now?: () => Date) {
  const revocations = new RevocationList({ url: new URL(REVOCATIONS_PATH, hubUrl), logger });
  const verifier = new PartnerVerifier({ keys: { publicJwks: [key.publicJwk] }, audiences: [PARTNER_AUDIENCE, memberAudience(siren)], revocations, now });
  return { verifier, revocations };
}

const mintFor = (siren: string, issuedAt: Date, seconds = 60) =>
  signHubCredential(key, { subject: 'ptn_1', audience: memberAudience(siren), name: 'Partenaire', issuedAt, expiresAt: new Date(issuedAt.getTime() + seconds * 1000) });

describe('a credential minted for one member', () => {
  it('is accepted there, refused at another member and after its minute', async () => {
    const issuedAt = new Date();
    const token = await mintFor(A, issuedAt);
    expect(await verifierAt(A).verifier.verify(token)).toMatchObject({ ok: true, partner: { id: 'ptn_1', name: 'Partenaire' } });
    expect(await verifierAt(B).verifier.verify(token)).toEqual({ ok: false, reason: expect.stringMatching(/audience/) });
    const later = verifierAt(A, () => new Date(issuedAt.getTime() + 61_000 + 5_000));
    expect(await later.verifier.verify(token)).toEqual({ ok: false, reason: 'The partner credential has expired' });
  });

  it('is refused when it claims to live longer than a minute', async () => {
    const token = await mintFor(A, new Date(), 3600);
    expect(await verifierAt(A).verifier.verify(token)).toEqual({ ok: false, reason: expect.stringMatching(/longer/) });
  });
});

describe('revocation', () => {
  it('refuses a revoked partner after a read of the list, and keeps the last list while the hub is down', async () => {
    const { verifier, revocations } = verifierAt(A);
    const token = await signHubCredential(key, { subject: 'ptn_1', audience: PARTNER_AUDIENCE, name: 'P', expiresAt: new Date(Date.now() + 3600_000) });
    expect((await verifier.verify(token)).ok).toBe(true);
    revoked = ['ptn_1'];
    expect(await revocations.refresh()).toBe(true);
    expect(await verifier.verify(token)).toEqual({ ok: false, reason: expect.stringMatching(/revoked/) });
    down = true;
    expect(await revocations.refresh()).toBe(false);
    expect(await verifier.verify(token)).toEqual({ ok: false, reason: expect.stringMatching(/revoked/) });
  });

  it('refuses every partner while no list could ever be read', async () => {
    down = true;
    const token = await signHubCredential(key, { subject: 'ptn_2', audience: PARTNER_AUDIENCE, name: 'P', expiresAt: new Date(Date.now() + 3600_000) });
    expect(await verifierAt(A).verifier.verify(token)).toEqual({ ok: false, reason: expect.stringMatching(/revocation list cannot be read/) });
  });
});

describe('the hub signing key', () => {
  it('is checked with a one-line error that never shows the key', async () => {
    const jwk = JSON.parse(await generateHubSigningKey());
    const { d, ...publicOnly } = jwk;
    expect(() => parseHubSigningJwk('{not json', 'HUB_SIGNING_KEY')).toThrow(new ConfigError('HUB_SIGNING_KEY is not JSON: a private JWK is expected (ES256 on P-256, or EdDSA on Ed25519)'));
    expect(() => parseHubSigningJwk(JSON.stringify(publicOnly), 'HUB_SIGNING_KEY')).toThrow(/public key/);
    expect(() => parseHubSigningJwk(JSON.stringify({ ...jwk, kty: 'RSA' }), 'HUB_SIGNING_KEY')).toThrow(/unsupported key/);
    try {
      parseHubSigningJwk(JSON.stringify({ ...jwk, crv: 'P-384' }), 'HUB_SIGNING_KEY');
    } catch (err) {
      expect(String(err)).not.toContain(d);
    }
  });

  it('publishes only its public half', async () => {
    expect(key.publicJwk).toEqual({ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: key.kid, alg: 'ES256', use: 'sig' });
  });
});
