import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { PRODUCTS } from './data';

export const PRODUCTS_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize"])

type Query {
  topProducts(first: Int = 5): [Product] @listSize(slicingArguments: ["first"], assumedSize: ${PRODUCTS.length})
}

type Product @key(fields: "upc") {
  upc: String!
  name: String
  price: Int
  weight: Int
}
`;

/** The product catalogue: names, prices and weights. */
export function productsSchema(): GraphQLSchema {
  return buildSubgraphSchema([{
    typeDefs: parse(PRODUCTS_SDL),
    resolvers: {
      Query: {
        topProducts: (_: unknown, { first }: { first?: number | null }) => PRODUCTS.slice(0, Math.max(first ?? 5, 0)),
      },
      Product: {
        __resolveReference: (ref: { upc: string }) => PRODUCTS.find((p) => p.upc === ref.upc) ?? null,
      },
    },
  }]);
}
