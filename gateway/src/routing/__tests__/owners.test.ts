import { groupRepresentations, mergeSharedEntity, ownersNamed } from '../groupRepresentations';
import { MUTATION_FIELDS, QUERY_FIELDS } from '../contractConventions';
import { membersConcerned, ownerOfArguments, ownerOfRepresentation, sirenNamedByFilter, sirenOfId, sirensInFilter } from '../owners';

const A = '216200410';
const B = '200072460';
const members = [
  { siren: A, departement: '62', region: '32' },
  { siren: B, departement: '59', region: '32' },
  { siren: '226200012', departement: null, region: null },
];

describe('owner extraction', () => {
  it('reads the SIREN prefix of ids', () => {
    expect(sirenOfId(`${A}:tri-du-courrier`)).toBe(A);
    expect(sirenOfId('albert')).toBeNull();
    expect(sirenOfId(`${A}:`)).toBeNull();
    expect(sirenOfId('12345678:x')).toBeNull();
    expect(sirenOfId(42)).toBeNull();
  });

  it('finds the owner of each kind of representation', () => {
    expect(ownerOfRepresentation({ __typename: 'Collectivite', siren: A })).toBe(A);
    expect(ownerOfRepresentation({ __typename: 'AiTool', id: `${B}:x` })).toBe(B);
    expect(ownerOfRepresentation({ __typename: 'PracticeReport', id: `${B}:rex` })).toBe(B);
    expect(ownerOfRepresentation({ __typename: 'AiProduct', id: 'albert' })).toBeUndefined();
    // Owned types whose key names no valid owner: no one can have them.
    expect(ownerOfRepresentation({ __typename: 'AiTool', id: 'garbage' })).toBeNull();
    expect(ownerOfRepresentation({ __typename: 'Collectivite', siren: 'x' })).toBeNull();
  });

  it('finds the owner named by arguments', () => {
    expect(ownerOfArguments({ siren: A, input: {} })).toBe(A);
    expect(ownerOfArguments({ id: `${B}:x` })).toBe(B);
    expect(ownerOfArguments({ toolId: `${B}:x`, input: {} })).toBe(B);
    expect(ownerOfArguments({ id: 'nope' })).toBeNull();
    expect(ownerOfArguments({ siren: '123' })).toBeNull();
    expect(ownerOfArguments({ filter: { sirens: [A] } })).toBeUndefined();
  });

  it('reads a declared field through its declared owner argument only', () => {
    // `createPracticeReport` is routed by `toolId`: an `id` given beside it does not count.
    expect(ownerOfArguments({ id: `${A}:x`, toolId: `${B}:t` }, MUTATION_FIELDS.createPracticeReport)).toBe(B);
    expect(ownerOfArguments({ id: `${A}:x` }, MUTATION_FIELDS.createPracticeReport)).toBeNull();
    // Merged lists name no owner, whatever their arguments.
    expect(ownerOfArguments({ siren: A }, QUERY_FIELDS.aiTools)).toBeUndefined();
  });
});

describe('pruning', () => {
  it('keeps the members a filter can match', () => {
    expect(membersConcerned(members, undefined)).toHaveLength(3);
    expect(membersConcerned(members, { sirens: [B, '999999999'] }).map((m) => m.siren)).toEqual([B]);
    expect(membersConcerned(members, { sirens: [] })).toHaveLength(3);
    expect(membersConcerned(members, { departement: '62' }).map((m) => m.siren)).toEqual([A]);
    // Unknown département or région matches no such filter, as on the members themselves.
    expect(membersConcerned(members, { region: '32' }).map((m) => m.siren)).toEqual([A, B]);
    expect(membersConcerned(members, { departement: '62', sirens: [B] })).toEqual([]);
    expect(membersConcerned(members, { toolId: `${B}:x` }).map((m) => m.siren)).toEqual([B]);
  });

  it('tells when a filter names exactly one member', () => {
    expect(sirenNamedByFilter({ sirens: [A] })).toBe(A);
    expect(sirenNamedByFilter({ sirens: [A, B] })).toBeUndefined();
    expect(sirenNamedByFilter(undefined)).toBeUndefined();
  });

  it('lists the SIRENs a filter names, to look unknown ones up', () => {
    expect(sirensInFilter({ sirens: [A, 42], toolId: `${B}:x`, departement: '62' })).toEqual([A, B]);
    expect(sirensInFilter(undefined)).toEqual([]);
  });
});

describe('representation grouping', () => {
  const reps = [
    { __typename: 'AiTool', id: `${A}:a` },
    { __typename: 'AiTool', id: `${B}:b` },
    { __typename: 'AiProduct', id: 'albert' },
    { __typename: 'Collectivite', siren: A },
    { __typename: 'Collectivite', siren: '552100554' },
    { __typename: 'AiTool', id: `${A}:c` },
  ];

  it('groups by owner, keeps order, separates shared and orphan representations', () => {
    const groups = groupRepresentations(reps, (s) => s === A || s === B);
    expect([...groups.byOwner.entries()]).toEqual([
      [A, [0, 3, 5]],
      [B, [1]],
    ]);
    expect(groups.shared).toEqual([2]);
    expect(groups.orphans).toEqual([4]);
    expect(ownersNamed(reps).sort()).toEqual([B, A, '552100554'].sort());
  });

  it('merges hub-owned entities: lists concatenated, first non-null value', () => {
    expect(
      mergeSharedEntity([
        { __typename: 'AiProduct', deployments: [{ id: 'a' }], note: null },
        null,
        { __typename: 'AiProduct', deployments: [{ id: 'b' }, { id: 'c' }], note: 'x' },
      ]),
    ).toEqual({ __typename: 'AiProduct', deployments: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], note: 'x' });
    expect(mergeSharedEntity([null, undefined])).toBeNull();
  });
});
