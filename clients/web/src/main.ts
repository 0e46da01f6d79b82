import { stopOnSignals } from '@bibia/core';
import { loadConfig, parseCommandLine } from './config';
import { createWebServer, type WebServer } from './createWebServer';

/**
 * Serves the catalogue page alone (the gateway serves it too, at its own root). `argv` as in
 * `process.argv`; flags, then the environment, then the defaults (see config.ts); `--help` and
 * `--version` start nothing.
 */
export async function main(argv: string[] = process.argv): Promise<WebServer> {
  const config = loadConfig(parseCommandLine(argv));
  const server = await createWebServer({ port: config.port, host: config.host, gatewayUrl: config.endpoint, maxBodyBytes: config.maxBodyBytes });
  console.log(`BibIA catalogue: ${server.url}/ (GraphQL forwarded to ${config.endpoint})`);
  stopOnSignals(server);
  return server;
}
