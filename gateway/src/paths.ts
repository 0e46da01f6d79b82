import path from 'node:path';

/** The repository root (this file is gateway/src/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function defaultRoverConfig(): string {
  return path.join(REPO_ROOT, 'rover.yaml');
}

export function defaultSupergraphFile(): string {
  return path.join(REPO_ROOT, 'schema', 'supergraph.graphql');
}
