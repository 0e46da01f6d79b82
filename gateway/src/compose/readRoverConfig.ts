import fs from 'node:fs';
import path from 'node:path';
import { isObject } from '@bibia/core';
import { parse as parseYaml } from 'yaml';

/** One subgraph of a Rover supergraph config, with its schema file resolved. */
export interface RoverSubgraph {
  name: string;
  routingUrl: string;
  /** Absolute path of the subgraph's SDL file. */
  schemaFile: string;
}

export interface RoverConfig {
  /** `federation_version` as written, e.g. `=2.14.4`. */
  federationVersion: string;
  subgraphs: RoverSubgraph[];
}

/**
 * Reads a Rover supergraph config (`rover supergraph compose --config`). Only local schema files
 * are supported: composing by introspection at start-up is what this project avoids.
 * Schema paths are relative to the config file, as Rover resolves them.
 */
export function readRoverConfig(configFile: string): RoverConfig {
  const raw = parseYaml(fs.readFileSync(configFile, 'utf8')) as unknown;
  const where = path.relative(process.cwd(), configFile) || configFile;
  if (!isObject(raw) || !isObject(raw.subgraphs)) throw new Error(`${where}: expected a "subgraphs" map`);
  const federationVersion = raw.federation_version;
  if (typeof federationVersion !== 'string' || !/^=?2(\.|$)/.test(federationVersion)) {
    throw new Error(`${where}: "federation_version" must name a Federation 2 composition version (e.g. "=2.14.4")`);
  }
  const subgraphs = Object.entries(raw.subgraphs).map(([name, entry]): RoverSubgraph => {
    if (!isObject(entry) || typeof entry.routing_url !== 'string') throw new Error(`${where}: subgraph "${name}" needs a "routing_url"`);
    const schema = entry.schema;
    if (!isObject(schema) || typeof schema.file !== 'string') {
      throw new Error(`${where}: subgraph "${name}" needs "schema: { file: ... }" (local SDL files only)`);
    }
    return { name, routingUrl: entry.routing_url, schemaFile: path.resolve(path.dirname(configFile), schema.file) };
  });
  return { federationVersion, subgraphs };
}
