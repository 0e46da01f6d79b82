import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { IN_STOCK } from './data';

export const INVENTORY_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

type Product @key(fields: "upc") {
  upc: String!
  weight: Int @external
  price: Int @external
  inStock: Boolean
  shippingEstimate: Int @requires(fields: "price weight")
}
`;

interface ProductRef {
  upc: string;
  price?: number | null;
  weight?: number | null;
}

/** Stock and shipping: `shippingEstimate` needs the price and weight the products subgraph owns. */
export function inventorySchema(): GraphQLSchema {
  return buildSubgraphSchema([{
    typeDefs: parse(INVENTORY_SDL),
    resolvers: {
      Product: {
        __resolveReference: (ref: ProductRef) => (ref.upc in IN_STOCK ? ref : null),
        inStock: (p: ProductRef) => IN_STOCK[p.upc] ?? null,
        // Free above 1,000 euros, otherwise by weight.
        shippingEstimate: (p: ProductRef) => {
          if (p.price == null || p.weight == null) return null;
          return p.price > 1000 ? 0 : Math.round(p.weight / 2);
        },
      },
    },
  }]);
}
