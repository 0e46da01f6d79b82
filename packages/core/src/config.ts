import fs from 'node:fs';
import path from 'node:path';
import { getEnvStr } from './env';

/**
 * Pieces every app's `config.ts` is made of. Each app declares its options once (an interface
 * with TSDoc defaults, a `DEFAULT_CONFIG`, env and flag layers); these parse and check one raw
 * value, naming the variable or flag in a one-line error.
 */

/** A value that cannot be used: one line for the user, exit code 2 (usage error). */
export class ConfigError extends Error {
  readonly exitCode = 2;
  override readonly name = 'ConfigError';
}

/** Parses one raw value; `name` is the variable or flag, for the error message. */
export type Parse<T> = (raw: string, name: string) => T;

/** The checked value of an environment variable, or undefined when it is unset or empty. */
export function envValue<T>(name: string, parse: Parse<T>): T | undefined {
  const raw = getEnvStr(name);
  return raw === undefined ? undefined : parse(raw, name);
}

/**
 * The checked value of a secret: the variable itself, or `<name>_FILE`, a file holding it (Docker
 * and Kubernetes secrets are mounted as files; a file keeps the secret out of the process's
 * environment and out of `docker inspect`). One trailing line break of the file is dropped; an
 * empty or unreadable file, or both forms set, is a one-line error naming the variable.
 */
export function secretEnvValue<T>(name: string, parse: Parse<T>): T | undefined {
  const inline = getEnvStr(name);
  const file = getEnvStr(`${name}_FILE`);
  if (inline !== undefined && file !== undefined) throw new ConfigError(`Set ${name} or ${name}_FILE, not both`);
  if (file === undefined) return inline === undefined ? undefined : parse(inline, name);
  return parse(readSecretFile(file, `${name}_FILE`), `${name}_FILE (${file})`);
}

/** A secret file's content without its trailing line break; `name` is the variable, for errors. */
export function readSecretFile(file: string, name: string): string {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${name}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const value = raw.replace(/\r?\n$/, '');
  if (!value.trim()) throw new ConfigError(`${name}: ${file} is empty`);
  return value;
}

/** A commander argument parser that checks the flag's value as it is read. */
export function flagValue<T>(name: string, parse: Parse<T>): (raw: string) => T {
  return (raw) => parse(raw, name);
}

export const toText: Parse<string> = (raw) => raw;

export const toPath: Parse<string> = (raw) => path.resolve(raw);

export function toInt(raw: string, name: string, min: number, max: number, what: string): number {
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be ${what}, got ${JSON.stringify(raw)}`);
  return n;
}

export const toPort: Parse<number> = (raw, name) => toInt(raw, name, 0, 65535, '0..65535');
export const toPositiveInt: Parse<number> = (raw, name) => toInt(raw, name, 1, Number.MAX_SAFE_INTEGER, 'a whole number above 0');
export const toNonNegativeInt: Parse<number> = (raw, name) => toInt(raw, name, 0, Number.MAX_SAFE_INTEGER, 'a whole number, 0 or more');

export const toBool: Parse<boolean> = (raw, name) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(raw)}`);
};

export const toHttpUrl: Parse<string> = (raw, name) => {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new ConfigError(`${name} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  return raw;
};
