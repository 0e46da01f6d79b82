import { ArgsType, Field } from 'type-graphql';

// Argument classes keep arguments in declaration order in the SDL (parameter decorators run
// last-first).

@ArgsType()
export class RegisterMemberArgs {
  @Field({ description: 'SIREN of a collectivité of the directory.' })
  siren!: string;

  @Field({ description: 'GraphQL endpoint of its registry, http or https.' })
  registryUrl!: string;
}

@ArgsType()
export class SuspendMemberArgs {
  @Field({ description: 'SIREN of the member.' })
  siren!: string;

  @Field({ description: 'Why, 1 to 500 characters; shown as `membership.statusReason`.' })
  reason!: string;
}

@ArgsType()
export class MemberHealthArgs {
  @Field({ description: 'SIREN of the member.' })
  siren!: string;

  @Field({ description: 'Whether the member answered the health check in time.' })
  reachable!: boolean;
}
