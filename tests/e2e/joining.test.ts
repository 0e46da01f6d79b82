import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRegistryServer, type RegistryServer } from '@bibia/registry';
import { bibia } from '../src/cliTestKit';
import { REPO_ROOT, startStack, type Stack } from '../src/startStack';

/*
 * docs/joining.md, step by step, with the real commands: a commune of the administrative
 * reference that the hub has never heard of runs its registry, creates a publisher token while
 * the registry runs, checks conformance, imports its tools at its registry, asks to join; the hub
 * admin approves; its tools are in the national search through the gateway.
 */

const execFileAsync = promisify(execFile);
const node = (script: string, args: string[], env: Record<string, string> = {}) =>
  execFileAsync(process.execPath, [path.join(REPO_ROOT, script), ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, cwd: REPO_ROOT });

/** Alette (Pas-de-Calais, 62650, about 370 inhabitants): in the reference, not in the seed. */
const ALETTE = '216200212';
const EXAMPLE_CSV = path.join(REPO_ROOT, 'clients', 'cli', 'examples', 'outils.csv');

let stack: Stack;
let registry: RegistryServer | undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-join-'));
const dataDir = path.join(dir, 'registry');

beforeAll(async () => {
  stack = await startStack({
    members: [{ siren: '216200410' }],
    index: { harvest: false },
    // The reference of one département: the whole of France is the same code, seconds longer on PGlite.
    reference: true,
    directory: { referenceDepartements: ['62'], allowPrivateMemberUrls: true },
  });
});
afterAll(async () => {
  await registry?.close();
  await stack?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a commune of the reference joins by the documented flow', () => {
  let token: string;
  let requestId: string;

  it('1. finds itself in the directory, with no admin having typed its identity', async () => {
    const found = await bibia(['--endpoint', stack.gatewayUrl, 'collectivite', 'alette']);
    expect(found.stderr).toBe('');
    expect(found.stdout).toMatch(new RegExp(`${ALETTE}[\\s│]+Alette[\\s│]+.*62650.*non membre`));
  });

  it('2. runs its registry and creates a publisher token while it runs', async () => {
    registry = await createRegistryServer({ siren: ALETTE, name: 'Commune d’Alette', departement: '62', port: 0, host: '127.0.0.1', dataDir, hubUrl: stack.directory.url, maxBodyBytes: 1024 * 1024 });
    const created = await node('subgraphs/registry/bin/bibia-registry.js', ['token', 'create', '--label', 'Secrétariat de mairie'], { REGISTRY_SIREN: ALETTE, DATA_DIR: dataDir });
    token = /(bibia_pub_\S+)/.exec(created.stdout)![1];
  });

  it('3. passes the conformance check', async () => {
    const checked = await node('subgraphs/directory/bin/conformance.js', ['--url', registry!.graphqlUrl, '--siren', ALETTE]);
    expect(checked.stdout).toMatch(/conform/i);
  });

  it('4. imports its tools at its own registry', async () => {
    const imported = await bibia(['--endpoint', registry!.graphqlUrl, '--token', token, 'import', EXAMPLE_CSV, '--siren', ALETTE, '--publish']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  });

  it('5. asks to join', async () => {
    const asked = await node('subgraphs/registry/bin/bibia-registry.js', [
      'join', '--hub', stack.gatewayUrl, '--url', registry!.graphqlUrl, '--contact', 'mairie@alette.example', '--contact-name', 'Secrétariat de mairie',
    ], { REGISTRY_SIREN: ALETTE });
    requestId = /Request ([0-9a-f]+) sent for Alette/.exec(asked.stdout)![1];
  });

  it('6. the hub admin lists the request and approves it', async () => {
    const admin = { HUB_ADMIN_TOKEN: stack.adminToken };
    const listed = await bibia(['--endpoint', stack.gatewayUrl, 'member', 'requests'], admin);
    expect(listed.stdout).toMatch(new RegExp(`${requestId}[\\s│]+${ALETTE}[\\s│]+Alette`));
    const approved = await bibia(['--endpoint', stack.gatewayUrl, 'member', 'approve', requestId], admin);
    expect(approved.stderr).toBe('');
    expect(approved.stdout).toContain(`Alette is a member: the gateway routes to ${registry!.graphqlUrl}`);
  });

  it('7. its tools are national: live through the gateway at once, and in the index after its next round', async () => {
    const query = `query($search: String) { aiTools(filter: { search: $search }, first: 20) { edges { node { id name collectivite { siren name } } } } }`;
    const search = async () => {
      const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { search: 'dépôts sauvages' } }) });
      const body = (await res.json()) as { data: { aiTools: { edges: { node: { id: string; collectivite: { siren: string; name: string } } }[] } }; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      return body.data.aiTools.edges.map((e) => e.node);
    };
    // Before the index's first round, the gateway reads national lists live from every member.
    await stack.gateway.members!.refresh();
    expect(await search()).toContainEqual(expect.objectContaining({ collectivite: { siren: ALETTE, name: 'Alette' } }));

    await stack.index!.members.refresh();
    const round = await stack.index!.harvestOnce();
    expect(round.failed).toEqual([]);
    const fromIndex = await search();
    expect(fromIndex).toContainEqual(expect.objectContaining({ id: expect.stringMatching(new RegExp(`^${ALETTE}:`)) }));
  });
});
