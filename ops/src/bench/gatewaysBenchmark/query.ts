/**
 * The scenario's query: users and top products, each with their reviews, nested through every
 * subgraph up to three entity hops (accounts → reviews → products/inventory → reviews → accounts
 * → reviews → products/inventory), as the public graphql-gateways-benchmark sends it.
 */
export const NESTED_QUERY = `
fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }

query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews {
          ...Review
          author { ...User reviews { ...Review product { ...Product } } }
        }
      }
    }
  }
  topProducts {
    ...Product
    reviews {
      ...Review
      author { ...User reviews { ...Review product { ...Product } } }
    }
  }
}
`;
