import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { ConfigError, readSecretFile, secretEnvValue } from '../config';

/** The algorithms a hub key may use: ECDSA P-256 or Ed25519. */
export type HubKeyAlgorithm = 'ES256' | 'EdDSA';

/** The hub signing key, ready to sign, with the public half the directory publishes. */
export interface HubSigningKey {
  alg: HubKeyAlgorithm;
  kid: string;
  privateKey: KeyLike;
  /** Public JWK (`kid`, `alg`, `use: sig`): what `/.well-known/jwks.json` lists. */
  publicJwk: JWK;
}

/**
 * Checks a private JWK given as JSON (`HUB_SIGNING_KEY` or the content of `HUB_SIGNING_KEY_FILE`)
 * without importing it; `name` is the variable or flag, for the one-line error. The key itself
 * never appears in a message.
 */
export function parseHubSigningJwk(raw: string, name: string): JWK {
  let jwk: unknown;
  try {
    jwk = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${name} is not JSON: a private JWK is expected (ES256 on P-256, or EdDSA on Ed25519)`);
  }
  if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk)) throw new ConfigError(`${name} must be a JSON object: a private JWK`);
  const k = jwk as JWK;
  algorithmOf(k, name);
  if (typeof k.d !== 'string' || !k.d) throw new ConfigError(`${name} is a public key: the private key (with "d") is needed to sign`);
  return k;
}

function algorithmOf(jwk: JWK, name: string): HubKeyAlgorithm {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && (jwk.alg === undefined || jwk.alg === 'ES256')) return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && (jwk.alg === undefined || jwk.alg === 'EdDSA')) return 'EdDSA';
  throw new ConfigError(`${name}: unsupported key (kty ${String(jwk.kty)}, crv ${String(jwk.crv)}); use ES256 on P-256 or EdDSA on Ed25519`);
}

/**
 * The hub signing key of the environment: `HUB_SIGNING_KEY` (a private JWK as JSON) or
 * `HUB_SIGNING_KEY_FILE` (a file holding one), checked; undefined when neither is set.
 */
export function hubSigningKeyFromEnv(): string | undefined {
  return secretEnvValue('HUB_SIGNING_KEY', checked);
}

/** Reads and checks a key file (`--hub-signing-key-file`); returns its JSON. */
export function readHubSigningKeyFile(file: string, name: string): string {
  return checked(readSecretFile(file, name), `${name} (${file})`);
}

function checked(raw: string, name: string): string {
  parseHubSigningJwk(raw, name);
  return raw;
}

/** Imports a checked private JWK (JSON) for signing. */
export async function importHubSigningKey(raw: string): Promise<HubSigningKey> {
  const jwk = parseHubSigningJwk(raw, 'hub signing key');
  const alg = algorithmOf(jwk, 'hub signing key');
  const privateKey = (await importJWK({ ...jwk, alg }, alg)) as KeyLike;
  const { kty, crv, x, y } = jwk;
  const publicPart: JWK = y === undefined ? { kty, crv, x } : { kty, crv, x, y };
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicPart));
  return { alg, kid, privateKey, publicJwk: { ...publicPart, kid, alg, use: 'sig' } };
}

/** A new hub key pair (ES256), as the private JWK JSON to keep secret: for the dev stack and tests. */
export async function generateHubSigningKey(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } as JWK);
  return JSON.stringify({ ...jwk, alg: 'ES256', kid });
}
