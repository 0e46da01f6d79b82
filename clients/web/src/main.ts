import { getEnvNum, getEnvStr } from '@bibia/kit';
import { createWebServer, type WebServer } from './createWebServer';

/**
 * Serves the catalogue page alone (the gateway serves it too, at its own root).
 * `--port` / env WEB_PORT (default 4300), `--gateway` / env BIBIA_GATEWAY_URL
 * (default http://localhost:4000/graphql), `--host` / env HOST (default 127.0.0.1).
 */
export async function main(argv: string[] = process.argv.slice(2)): Promise<WebServer> {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const server = await createWebServer({
    port: Number(flag('port') ?? getEnvNum('WEB_PORT', 4300)),
    host: flag('host') ?? getEnvStr('HOST', '127.0.0.1'),
    gatewayUrl: flag('gateway') ?? getEnvStr('BIBIA_GATEWAY_URL', 'http://localhost:4000/graphql')!,
  });
  console.log(`BibIA catalogue: ${server.url}/`);
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
