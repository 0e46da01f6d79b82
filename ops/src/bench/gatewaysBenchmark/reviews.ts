import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { MAX_REVIEWS_PER_PRODUCT, MAX_REVIEWS_PER_USER, REVIEWS, USERS, type Review } from './data';

export const REVIEWS_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@external", "@provides", "@listSize"])

type Review @key(fields: "id") {
  id: ID!
  body: String
  product: Product
  author: User @provides(fields: "username")
}

type User @key(fields: "id") {
  id: ID!
  username: String @external
  reviews: [Review] @listSize(assumedSize: ${MAX_REVIEWS_PER_USER})
}

type Product @key(fields: "upc") {
  upc: String!
  reviews: [Review] @listSize(assumedSize: ${MAX_REVIEWS_PER_PRODUCT})
}
`;

/** Reviews of products by users; it knows each author's username (`@provides`). */
export function reviewsSchema(): GraphQLSchema {
  return buildSubgraphSchema([{
    typeDefs: parse(REVIEWS_SDL),
    resolvers: {
      Review: {
        __resolveReference: (ref: { id: string }) => REVIEWS.find((r) => r.id === ref.id) ?? null,
        product: (r: Review) => ({ upc: r.productUpc }),
        author: (r: Review) => {
          const user = USERS.find((u) => u.id === r.authorId);
          return user ? { id: user.id, username: user.username } : null;
        },
      },
      User: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        reviews: (u: { id: string }) => REVIEWS.filter((r) => r.authorId === u.id),
      },
      Product: {
        __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
        reviews: (p: { upc: string }) => REVIEWS.filter((r) => r.productUpc === p.upc),
      },
    },
  }]);
}
