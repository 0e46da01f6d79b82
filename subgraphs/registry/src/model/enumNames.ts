import { registerEnumType } from 'type-graphql';

type EnumConfig = Parameters<typeof registerEnumType>[1];

const names = new WeakMap<object, string>();

/**
 * Registers an enum with type-graphql and remembers its name, which is also its Prisma name:
 * a model field then says `enumeration(Theme)` and every derivation knows it is `Theme`.
 */
export function registerEnum(values: object, config: EnumConfig): void {
  registerEnumType(values, config);
  names.set(values, config.name);
}

export function enumName(values: object): string {
  const name = names.get(values);
  if (!name) throw new Error(`Enum with values ${Object.values(values).join(', ')} is not registered: call registerEnum first`);
  return name;
}
