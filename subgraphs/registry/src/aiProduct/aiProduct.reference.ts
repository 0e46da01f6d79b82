/** Products belong to the hub's catalogue; a member only adds its deployments to the id. */
export const aiProductReference = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };
