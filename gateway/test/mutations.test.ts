import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { fixtureToken } from './fixtures/fixtureMember';
import { startStack, type Stack } from './fixtures/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(memberOptions());
});
afterAll(async () => {
  await stack?.stop();
});
beforeEach(() => {
  for (const m of stack.members) m.received.length = 0;
  stack.directory.authorizations.length = 0;
});

const member = (siren: string) => stack.members.find((m) => m.siren === siren)!;
const auth = (siren: string) => ({ authorization: `Bearer ${fixtureToken(siren)}` });

it('sends a mutation to the member its siren names, with the Authorization header there only', async () => {
  const readsBefore = stack.directory.memberReads();
  const { body } = await stack.gql(
    `mutation($s: String!) { createAiTool(siren: $s, input: { name: "Nouvel outil", slug: "nouvel-outil" }) { id name collectivite { siren name } } }`,
    { s: SIRENS.lille },
    { headers: auth(SIRENS.lille) },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.createAiTool).toEqual({ id: `${SIRENS.lille}:nouvel-outil`, name: 'Nouvel outil', collectivite: { siren: SIRENS.lille, name: 'Lille' } });
  expect(member(SIRENS.lille).received.map((r) => r.authorization)).toEqual([`Bearer ${fixtureToken(SIRENS.lille)}`]);
  expect(member(SIRENS.arras).received).toHaveLength(0);
  expect(member(SIRENS.amiens).received).toHaveLength(0);
  // The directory resolved the collectivité's name without the caller's token.
  // One entity fetch for the name, beside any member-list read of the gateway's own.
  expect(stack.directory.authorizations).toHaveLength(1 + stack.directory.memberReads() - readsBefore);
  expect(stack.directory.authorizations.every((a) => a === undefined)).toBe(true);
});

it('routes by the <siren>: prefix of an id', async () => {
  const { body } = await stack.gql(`mutation { updateAiTool(id: "${SIRENS.amiens}:outil-2", input: { name: "Renommé" }) { id name } }`, undefined, { headers: auth(SIRENS.amiens) });
  expect(body.data.updateAiTool).toEqual({ id: `${SIRENS.amiens}:outil-2`, name: 'Renommé' });
  expect(member(SIRENS.amiens).received).toHaveLength(1);
  expect(member(SIRENS.lille).received).toHaveLength(0);
});

it('passes the member’s refusal on', async () => {
  const { body } = await stack.gql(`mutation { updateAiTool(id: "${SIRENS.amiens}:outil-2", input: { name: "x" }) { id } }`, undefined, { headers: auth(SIRENS.lille) });
  expect(body.data).toBeNull();
  expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', siren: SIRENS.amiens });
});

it('refuses a mutation that names no member, or a SIREN that is not a member', async () => {
  const notMember = await stack.gql(`mutation { createAiTool(siren: "552100554", input: { name: "x" }) { id } }`, undefined, { headers: auth(SIRENS.lille) });
  expect(notMember.body.data).toBeNull();
  expect(notMember.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', siren: '552100554' });
  const badId = await stack.gql(`mutation { updateAiTool(id: "tri-du-courrier", input: { name: "x" }) { id } }`);
  expect(badId.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(stack.members.every((m) => m.received.length === 0)).toBe(true);
});

it('sends the token with a query only to the one member it names', async () => {
  await stack.gql(`{ aiTools(filter: { sirens: ["${SIRENS.arras}"] }) { totalCount } }`, undefined, { headers: auth(SIRENS.arras) });
  expect(member(SIRENS.arras).received[0].authorization).toBe(`Bearer ${fixtureToken(SIRENS.arras)}`);
  for (const m of stack.members) m.received.length = 0;
  await stack.gql(`{ aiTools { totalCount } }`, undefined, { headers: auth(SIRENS.arras) });
  expect(stack.members.map((m) => m.received[0].authorization)).toEqual([undefined, undefined, undefined]);
});
