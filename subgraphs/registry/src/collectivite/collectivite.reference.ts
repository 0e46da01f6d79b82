/** A member knows a collectivité by its SIREN only; the directory has the rest. */
export const collectiviteReference = { __resolveReference: (ref: { siren: string }) => ({ siren: ref.siren }) };
