import { fixtureTools, memberOptions, SIRENS } from './fixtures/fixtureData';
import { startStack, type Stack } from './fixtures/startStack';
import { waitFor } from './fixtures/waitFor';

let stack: Stack;
afterEach(async () => {
  await stack?.stop();
});

const LAON = { siren: SIRENS.laon, name: 'Laon', departement: '02', region: '32', tools: fixtureTools(4, 5) };

it('queries a member admitted at runtime as soon as a request names it, without restart', async () => {
  stack = await startStack(memberOptions());
  const laon = await stack.startMember(LAON);
  const readsBefore = stack.directory.memberReads();
  const unknown = await stack.gql(`query($s: [String!]) { aiTools(filter: { sirens: $s }) { totalCount } }`, { s: [SIRENS.laon] });
  expect(unknown.body.data.aiTools.totalCount).toBe(0);
  // The gateway read the directory again because the SIREN was unknown.
  expect(stack.directory.memberReads()).toBe(readsBefore + 1);

  stack.directory.add(stack.entryOf(laon));
  await new Promise((r) => setTimeout(r, 300)); // on-demand reads are rate-limited
  const { body } = await stack.gql(`query($id: ID!) { aiTool(id: $id) { id name collectivite { name } } }`, { id: `${SIRENS.laon}:outil-1` });
  expect(body.errors).toBeUndefined();
  expect(body.data.aiTool).toEqual({ id: `${SIRENS.laon}:outil-1`, name: LAON.tools[1].name, collectivite: { name: 'Laon' } });
  expect(laon.received).toHaveLength(1);
});

it('includes a new member in national lists after the periodic refresh', async () => {
  stack = await startStack(memberOptions(), { memberRefreshMs: 100 });
  const laon = await stack.startMember(LAON);
  stack.directory.add(stack.entryOf(laon));
  await waitFor(() => stack.gateway.members!.get(SIRENS.laon) !== undefined);
  const { body } = await stack.gql(`{ aiTools(first: 100) { totalCount edges { node { id } } } }`);
  expect(body.data.aiTools.totalCount).toBe(71 + 5);
  expect(body.data.aiTools.edges.filter((e: any) => e.node.id.startsWith(`${SIRENS.laon}:`))).toHaveLength(5);
});

it('stops asking a member that left the directory', async () => {
  stack = await startStack(memberOptions(), { memberRefreshMs: 100 });
  stack.directory.entries.find((e) => e.siren === SIRENS.amiens)!.status = 'SUSPENDED';
  await waitFor(() => stack.gateway.members!.get(SIRENS.amiens) === undefined);
  const amiens = stack.members.find((m) => m.siren === SIRENS.amiens)!;
  amiens.received.length = 0;
  const { body } = await stack.gql(`{ aiTools(first: 100) { totalCount } }`);
  expect(body.data.aiTools.totalCount).toBe(71 - 17);
  expect(amiens.received).toHaveLength(0);
});

it('keeps the last member list when the directory is down', async () => {
  stack = await startStack(memberOptions());
  await stack.directory.close();
  await stack.gateway.members!.refresh();
  expect(stack.gateway.members!.list()).toHaveLength(3);
  const { body } = await stack.gql(`{ aiTools(first: 1) { totalCount } }`);
  expect(body.data.aiTools.totalCount).toBe(71);
});
