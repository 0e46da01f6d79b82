import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { USERS, type User } from './data';

export const ACCOUNTS_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@listSize"])

type Query {
  me: User
  user(id: ID!): User
  users: [User] @listSize(assumedSize: ${USERS.length})
}

type User @key(fields: "id") {
  id: ID!
  name: String
  username: String @shareable
  birthday: Int
}
`;

const userById = (id: string): User | undefined => USERS.find((u) => u.id === id);

/** Users: the `accounts` subgraph owns them. */
export function accountsSchema(): GraphQLSchema {
  return buildSubgraphSchema([{
    typeDefs: parse(ACCOUNTS_SDL),
    resolvers: {
      Query: {
        me: () => USERS[0],
        user: (_: unknown, { id }: { id: string }) => userById(id) ?? null,
        users: () => USERS,
      },
      User: {
        __resolveReference: (ref: { id: string }) => userById(ref.id) ?? null,
      },
    },
  }]);
}
