import fs from 'node:fs';
import path from 'node:path';
import { generateHubSigningKey, readHubSigningKeyFile } from '@bibia/core';
import { createToken, listTokens, revokeToken } from '@bibia/registry';
import { DEMO_MEMBERS, SUPERGRAPH_FILE, startStack, type Stack } from '@bibia/testkit';
import { loadConfig, parseCommandLine } from './config';

const DEV_TOKEN_LABEL = 'dev stack (npm start)';

/** One publisher token per demo member, replacing those of the previous start. */
async function devPublisherTokens(stack: Stack): Promise<{ siren: string; token: string }[]> {
  const out: { siren: string; token: string }[] = [];
  for (const [siren, member] of stack.members) {
    for (const t of await listTokens(member.prisma)) {
      if (t.label === DEV_TOKEN_LABEL && !t.revokedAt) await revokeToken(member.prisma, t.id);
    }
    out.push({ siren, token: (await createToken(member.prisma, DEV_TOKEN_LABEL)).token });
  }
  return out;
}

/**
 * The hub key of the dev stack: generated at the first start into the data directory (readable
 * by its owner only), then read again, so that partner credentials outlive a restart.
 */
async function devSigningKey(dataRoot: string): Promise<string> {
  const file = path.join(dataRoot, 'hub-signing-key.json');
  if (fs.existsSync(file)) return readHubSigningKeyFile(file, file);
  fs.mkdirSync(dataRoot, { recursive: true });
  const key = await generateHubSigningKey();
  fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  return key;
}

/**
 * `npm start` (`bibia-dev-stack`, `argv` as in `process.argv`): the directory, the three demo
 * member registries (each its own embedded database, seeded on first start) and the gateway, on
 * fixed ports; data kept in `.data/`. Options: flags, then the environment, then the defaults
 * (see config.ts).
 */
export async function main(argv: string[] = process.argv): Promise<void> {
  const config = loadConfig(parseCommandLine(argv));
  if (!fs.existsSync(SUPERGRAPH_FILE)) throw new Error(`${SUPERGRAPH_FILE} is missing: run npm run compose`);
  const dataRoot = config.dataDir;
  console.log('Starting BibIA (directory, 3 member registries, national index, gateway)… first start seeds the demo data.');
  const stack = await startStack({
    members: DEMO_MEMBERS.map((siren, i) => ({ siren, port: config.memberPort + i })),
    storage: (service) => ({ dataDir: path.join(dataRoot, service) }),
    gatewayPort: config.port,
    directoryPort: config.directoryPort,
    gateway: { redisUrl: config.redisUrl, ...config.gatewayLimits },
    // The gateway limits its clients as in production; members, directory and index exempt it (loopback).
    rateLimits: true,
    adminToken: config.hubAdminToken,
    hubSigningKey: config.hubSigningKey ?? (await devSigningKey(dataRoot)),
    index: true,
    indexPort: config.indexPort,
    // Every commune and intercommunalité can ask to join (docs/joining.md), from a registry on this machine.
    reference: true,
    directory: { allowPrivateMemberUrls: true },
  });
  const tokens = await devPublisherTokens(stack);
  const base = stack.gateway.url.replace('127.0.0.1', 'localhost');
  console.log(`
BibIA is running.
  National library (GraphQL):  ${base}/graphql
  Catalogue page:              ${base}/
  Directory subgraph:          ${stack.directory.graphqlUrl}
  National index:              ${stack.index?.graphqlUrl}   (national lists, search and figures)
${[...stack.members.values()].map((m) => `  Registry ${m.owner.siren}:       ${m.graphqlUrl}   (${m.owner.name})`).join('\n')}
  Health / metrics:            ${base}/health  ${base}/metrics
  Hub admin token:             ${stack.adminToken}
  Publisher tokens (new at each start):
${tokens.map((t) => `    ${t.siren}  ${t.token}`).join('\n')}
  e.g. npx bibia import clients/cli/examples/outils.csv --siren ${tokens[1]?.siren} --token ${tokens[1]?.token} --dry-run
  Partner credentials:         HUB_ADMIN_TOKEN=<hub admin token> npx bibia partner issue --name "…"   (then --token <credential>)
Data: ${dataRoot}. Stop with Ctrl-C.`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    stack.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
