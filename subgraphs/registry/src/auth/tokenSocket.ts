import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Logger } from '@bibia/kit';
import type { RegistryPrisma } from '../storage';
import { createToken, listTokens, revokeToken } from './tokens';

/**
 * The embedded database (PGlite) lives in the memory of the registry that opened it: a second
 * process writing to its directory (`bibia-registry token create` while the registry runs) is not
 * seen by it, and may be lost. So the running registry serves token management on a Unix socket
 * in its data directory, and the token commands go through it when it answers. The socket sits in
 * a directory only the registry's user can enter: whoever can use it could read the database anyway.
 */

/** Where a registry with this embedded data directory listens for token commands. */
export function tokenSocketPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'admin', 'tokens.sock');
}

/** Unix socket paths are limited to about 104 bytes (macOS) and 108 (Linux). */
const MAX_SOCKET_PATH = 100;
const MAX_BODY = 4096;

/** The token commands a client can send. */
export type TokenRequest = { op: 'create'; label: string } | { op: 'list' } | { op: 'revoke'; id: string };

/**
 * Serves {@link TokenRequest}s on the socket of `dataDir`; undefined (nothing served) for an
 * in-memory database or a path too long for a socket (then the CLI says to stop the registry).
 */
export async function serveTokenSocket(prisma: RegistryPrisma, siren: string, dataDir: string, logger: Logger): Promise<{ close(): Promise<void> } | undefined> {
  if (dataDir.startsWith('memory://')) return undefined;
  const socketPath = tokenSocketPath(dataDir);
  if (socketPath.length > MAX_SOCKET_PATH) {
    logger.warn({ socketPath }, 'data directory path too long for the token socket: stop the registry to create tokens');
    return undefined;
  }
  try {
    return await listenOnSocket(prisma, siren, socketPath);
  } catch (err) {
    // The registry serves all the same: token commands then ask to stop it first.
    logger.warn({ err, socketPath }, 'cannot serve token commands on the socket: stop the registry to create tokens');
    return undefined;
  }
}

async function listenOnSocket(prisma: RegistryPrisma, siren: string, socketPath: string): Promise<{ close(): Promise<void> }> {
  fs.mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  fs.chmodSync(path.dirname(socketPath), 0o700);
  // A socket left by a registry that did not stop cleanly; a running one holds the database too.
  fs.rmSync(socketPath, { force: true });
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) req.destroy();
    });
    req.on('end', () => {
      answer(prisma, siren, body).then(
        (value) => reply(200, value),
        (err: unknown) => reply(400, { error: err instanceof Error ? err.message : String(err) }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(prisma: RegistryPrisma, siren: string, body: string): Promise<unknown> {
  const request = JSON.parse(body) as TokenRequest;
  switch (request.op) {
    case 'create':
      return createToken(prisma, String(request.label ?? ''), { siren });
    case 'list':
      return listTokens(prisma);
    case 'revoke':
      return { revoked: await revokeToken(prisma, String(request.id ?? '')) };
    default:
      throw new Error('Unknown token operation');
  }
}

/**
 * Sends a token command to the registry running on `dataDir`; undefined when none answers there
 * (not started, or stopped without removing its socket): the caller then opens the database itself.
 */
export function askRunningRegistry(dataDir: string, request: TokenRequest): Promise<unknown> {
  const socketPath = tokenSocketPath(dataDir);
  if (!fs.existsSync(socketPath)) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path: '/tokens', method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 30_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const parsed = JSON.parse(text) as { error?: string };
        if (res.statusCode === 200) resolve(parsed);
        else reject(new Error(parsed.error ?? `The running registry refused the token command (HTTP ${res.statusCode})`));
      });
    });
    req.on('timeout', () => req.destroy(new Error('The running registry did not answer the token command in 30 s')));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT') resolve(undefined);
      else reject(err);
    });
    req.end(JSON.stringify(request));
  });
}
