export { createBibiaClient, type BibiaClient, type BibiaClientOptions } from './client';
export { type BibiaResult } from './execute';
export { BibiaError, ClientErrorCodes, MEMBER_UNAVAILABLE, type GraphQLErrorJson, type UnavailableMember } from './errors';
export { createTransport, type Transport, type TransportOptions } from './transport';
export { toLibraryStats, type LibraryStats, type LibraryCount } from './libraryStats';
export { addStaleMembers, staleMembersOf, type StaleMember } from './staleMembers';
export * from './labels';
export * from './generated/graphql';
