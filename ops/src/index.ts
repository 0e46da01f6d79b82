export { startStack, DEMO_MEMBERS, SUPERGRAPH_FILE, REPO_ROOT, type Stack, type StackOptions, type StackMember, type StorageFor } from './startStack';
export { syntheticMembers, type SyntheticMember } from './syntheticMembers';
