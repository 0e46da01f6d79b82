import { registerEnumType } from 'type-graphql';
import { Hosting } from '../generated/prisma/enums';

export { Hosting };

// Same name and values as the registry contract's enum: composition requires identical values
// for an enum both subgraphs use in inputs and outputs.
registerEnumType(Hosting, {
  name: 'Hosting',
  description: 'Where a system runs and its data is processed.',
  valuesConfig: {
    ON_PREMISES: { description: "On the collectivité's own servers (or those of its IT syndicate)." },
    FRENCH_CLOUD: { description: 'A cloud operated in France by a provider under French law only.' },
    EU_CLOUD: { description: 'A cloud in the European Union.' },
    NON_EU_CLOUD: { description: 'A cloud outside the European Union, or subject to non-EU law.' },
  },
});
