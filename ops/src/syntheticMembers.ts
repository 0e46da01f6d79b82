import fs from 'node:fs';
import path from 'node:path';
import { withCheckDigit } from '@bibia/core';
import type { SeedFile } from '@bibia/registry';

const SEED_DIR = path.join(__dirname, '..', '..', 'subgraphs', 'registry', 'seed');
const DEPARTEMENTS = [
  { departement: '02', region: '32' },
  { departement: '59', region: '32' },
  { departement: '60', region: '32' },
  { departement: '62', region: '32' },
  { departement: '80', region: '32' },
  { departement: '75', region: '11' },
  { departement: '69', region: '84' },
  { departement: '33', region: '75' },
];

export interface SyntheticMember {
  siren: string;
  name: string;
  departement: string;
  region: string;
  seed: SeedFile;
}

/**
 * `count` fictitious collectivités with valid SIRENs (prefix 9999 never names a real one), each
 * with `toolsPerMember` published tools derived from the bundled seed data, spread over
 * départements and régions so that pruning has something to prune. Deterministic.
 */
export function syntheticMembers(count: number, toolsPerMember = 8): SyntheticMember[] {
  const templates = fs
    .readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(SEED_DIR, f), 'utf8')) as SeedFile);
  const tools = templates.flatMap((t) => t.tools);
  return Array.from({ length: count }, (_, i) => {
    const siren = withCheckDigit(`9999${String(i).padStart(4, '0')}`);
    const place = DEPARTEMENTS[i % DEPARTEMENTS.length];
    const name = `Commune fictive n°${i + 1}`;
    const memberTools = Array.from({ length: toolsPerMember }, (_, k) => {
      const template = tools[(i * 7 + k) % tools.length];
      return { ...template, slug: `${template.slug}-${k}`, name: `${template.name} (${k + 1})`.slice(0, 100), state: 'PUBLISHED' };
    });
    return { siren, name, ...place, seed: { owner: { siren, name, ...place }, tools: memberTools, reports: [] } };
  });
}
