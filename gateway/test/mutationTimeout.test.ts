import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { fixtureToken } from './fixtures/fixtureMember';
import { startStack, type Stack } from './fixtures/startStack';
import { waitFor } from './fixtures/waitFor';

// Members take 1.5 s per query in the stack (`memberTimeoutMs`): a mutation may take longer, and
// when it times out the answer must not claim that nothing was written.
let stack: Stack;
afterEach(async () => {
  await stack?.stop();
});

const member = (siren: string) => stack.members.find((m) => m.siren === siren)!;
const CREATE = `mutation($s: String!, $slug: String!) { createAiTool(siren: $s, input: { name: "Import lent", slug: $slug }) { id } }`;
const auth = { authorization: `Bearer ${fixtureToken(SIRENS.lille)}` };

it('gives a mutation its own timeout, longer than the member timeout of queries', async () => {
  stack = await startStack(memberOptions(), { memberTimeoutMs: 300, mutationTimeoutMs: 10_000 });
  member(SIRENS.lille).setDelay(1000);
  const { body } = await stack.gql(CREATE, { s: SIRENS.lille, slug: 'import-lent' }, { headers: auth });
  expect(body.errors).toBeUndefined();
  expect(body.data.createAiTool).toEqual({ id: `${SIRENS.lille}:import-lent` });

  // Queries keep the short member timeout.
  const page = await stack.gql(`{ aiTools(filter: { sirens: ["${SIRENS.lille}"] }) { totalCount } }`);
  expect(page.body.errors[0].extensions).toMatchObject({ code: 'MEMBER_UNAVAILABLE', siren: SIRENS.lille, reason: 'timeout' });
});

it('says the outcome is unknown when a mutation times out, as the member may still apply it', async () => {
  stack = await startStack(memberOptions(), { mutationTimeoutMs: 300 });
  const lille = member(SIRENS.lille);
  lille.setDelay(1000);
  const { body } = await stack.gql(CREATE, { s: SIRENS.lille, slug: 'peut-etre' }, { headers: auth });
  expect(body.data).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toMatchObject({ code: 'MUTATION_OUTCOME_UNKNOWN', outcome: 'UNKNOWN', siren: SIRENS.lille, member: 'Lille', reason: 'timeout' });
  expect(body.errors[0].message).toMatch(/Lille.*did not answer in time \(300 ms\): the change may have been applied\. Check with a read before retrying\./);
  expect(body.errors[0].message).not.toMatch(/127\.0\.0\.1|localhost|http:/);

  // And indeed it was: the answer did not lie.
  await waitFor(() => lille.tools.some((t) => t.slug === 'peut-etre'));
  lille.setDelay(0);
  const read = await stack.gql(`{ aiTool(id: "${SIRENS.lille}:peut-etre") { id } }`);
  expect(read.body.data.aiTool).toEqual({ id: `${SIRENS.lille}:peut-etre` });
});

it('keeps MEMBER_UNAVAILABLE for a mutation that could not reach the member at all', async () => {
  stack = await startStack(memberOptions());
  await member(SIRENS.lille).close();
  const { body } = await stack.gql(CREATE, { s: SIRENS.lille, slug: 'jamais' }, { headers: auth });
  expect(body.errors[0].extensions).toMatchObject({ code: 'MEMBER_UNAVAILABLE', siren: SIRENS.lille, reason: 'unreachable' });
  expect(body.errors[0].extensions.outcome).toBeUndefined();
});
