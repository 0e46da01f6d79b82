import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where the back-office is mounted on its registry. */
export const ADMIN_PREFIX = '/admin';

/** Where the back-office's static files are. */
export const PUBLIC_DIR = path.join(__dirname, '..', 'public');

/** The back-office's JSON endpoints, under {@link ADMIN_PREFIX}. */
export const API_PATHS = {
  session: `${ADMIN_PREFIX}/api/session`,
  graphql: `${ADMIN_PREFIX}/api/graphql`,
  import: `${ADMIN_PREFIX}/api/import`,
  export: `${ADMIN_PREFIX}/api/export`,
  products: `${ADMIN_PREFIX}/api/products`,
} as const;

/** Files made when the back-office loads (not in {@link PUBLIC_DIR}). */
export const GENERATED_FILES = { labels: 'labels.js' } as const;

/**
 * Every URL path the back-office answers, known without loading it: the registry mounts these
 * and loads the back-office itself on the first request to one of them.
 */
export function adminPaths(): string[] {
  const files = [...fs.readdirSync(PUBLIC_DIR).filter((name) => name !== 'index.html'), ...Object.values(GENERATED_FILES)].map((name) => `${ADMIN_PREFIX}/${name}`);
  return [ADMIN_PREFIX, `${ADMIN_PREFIX}/`, ...Object.values(API_PATHS), ...files];
}

/** What the registry needs of a loaded back-office (see `createAdmin`). */
export interface MountedAdmin {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  callerOf(req: IncomingMessage): Promise<{ kind: 'publisher'; publisher: { tokenId: string; label: string } } | { kind: 'invalid'; reason: string; credential: 'publisher' } | undefined>;
  close(): Promise<void>;
}

/**
 * The back-office's routes for a registry, loading it (`load`, e.g. a `require`) on the first
 * request: a registry whose publishers never open it does not pay for it. `callerOf` says who a
 * GraphQL request's session stands for (undefined before the back-office is loaded: no session
 * can exist yet).
 */
export function lazyAdmin(load: () => MountedAdmin) {
  let admin: MountedAdmin | undefined;
  const handler = (req: IncomingMessage, res: ServerResponse) => (admin ??= load()).handle(req, res);
  return {
    routes: Object.fromEntries(adminPaths().map((p) => [p, handler])),
    callerOf: async (req: IncomingMessage) => admin?.callerOf(req),
    close: async () => admin?.close(),
  };
}
