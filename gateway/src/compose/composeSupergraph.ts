import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { defaultRoverConfig } from '../paths';
import { readRoverConfig } from './readRoverConfig';

/** A subgraph to compose: its name, where the gateway reaches it, and its SDL. */
export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

export type CompositionOutcome =
  | { ok: true; supergraphSdl: string; hints: string[] }
  | { ok: false; errors: string[] };

/**
 * Composes subgraph SDLs into a supergraph with `@apollo/composition` (the library Rover's
 * `supergraph compose` runs). Errors come back as readable lines, never thrown.
 */
export function composeSubgraphs(subgraphs: SubgraphSource[]): CompositionOutcome {
  const services = [];
  const errors: string[] = [];
  for (const s of subgraphs) {
    try {
      services.push({ name: s.name, url: s.url, typeDefs: parse(s.sdl) });
    } catch (err) {
      errors.push(`[${s.name}] the schema does not parse: ${(err as Error).message}`);
    }
  }
  if (errors.length) return { ok: false, errors };
  const result = composeServices(services);
  if (result.errors) {
    return { ok: false, errors: result.errors.map((e) => `${String(e.extensions?.code ?? 'COMPOSITION_ERROR')}: ${e.message}`) };
  }
  return { ok: true, supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`, hints: result.hints.map((h) => h.toString()) };
}

/** Reads a Rover config (default `rover.yaml` at the repository root) and composes its subgraphs. */
export function composeSupergraph(configFile: string = defaultRoverConfig()): CompositionOutcome {
  let config;
  try {
    config = readRoverConfig(configFile);
  } catch (err) {
    return { ok: false, errors: [(err as Error).message] };
  }
  const missing = config.subgraphs.filter((s) => !fs.existsSync(s.schemaFile));
  if (missing.length) {
    return { ok: false, errors: missing.map((s) => `[${s.name}] schema file not found: ${path.relative(process.cwd(), s.schemaFile)}`) };
  }
  return composeSubgraphs(config.subgraphs.map((s) => ({ name: s.name, url: s.routingUrl, sdl: fs.readFileSync(s.schemaFile, 'utf8') })));
}
