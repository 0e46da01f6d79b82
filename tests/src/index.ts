// @bibia/testkit: the whole hub started in one process (the dev stack, benchmarks and the
// end-to-end tests share it) and the helpers of the end-to-end tests in ../e2e.
export { startStack, DEMO_MEMBERS, SUPERGRAPH_FILE, REPO_ROOT, type Stack, type StackOptions, type StackMember, type StorageFor } from './startStack';
export { startRealStack, startClientStack, SEEDED, ARRAS, PAS_DE_CALAIS, type RealStack, type RealStackOptions, type ClientStack } from './startRealStack';
export { gql, type GqlResult } from './gql';
export { waitFor } from './waitFor';
export { registerMembers } from './registerMembers';
