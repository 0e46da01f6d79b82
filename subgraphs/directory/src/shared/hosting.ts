import { HOSTING_ENUM } from '@bibia/kit';
import { registerEnumType } from 'type-graphql';
import { Hosting } from '../generated/prisma/enums';

export { Hosting };

// Same configuration as the registry contract's enum (see the kit's sharedEnums).
registerEnumType(Hosting, HOSTING_ENUM);
