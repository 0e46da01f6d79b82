import { parse, type DocumentNode } from 'graphql';
import { buildSchemaModel, isRequired, type InputValueModel, type SchemaModel, type TypeKindName, type TypeModel } from './schemaModel';

const KIND_LABEL: Record<TypeKindName, string> = {
  object: 'object type',
  interface: 'interface',
  input: 'input type',
  enum: 'enum',
  union: 'union',
  scalar: 'scalar',
};

/** Federation's own types and fields are the library's business, not the contract's. */
function isFederationName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('link__') || name.startsWith('federation__');
}

/**
 * What a candidate SDL lacks to serve the contract SDL. Everything the contract declares must be
 * in the candidate with the same type (nullability and lists included), every enum value, union
 * member, interface and `@key` too; the candidate may add types, fields, enum values and
 * optional arguments or input fields, but no new required one.
 *
 * Returns readable differences, e.g. `AiTool.riskLevel: type RiskLevel! expected, got String`;
 * empty when the candidate conforms. Throws only when the contract itself does not parse.
 */
export function compareSchemas(contractSdl: string | DocumentNode, candidateSdl: string | DocumentNode): string[] {
  const contract = buildSchemaModel(typeof contractSdl === 'string' ? parse(contractSdl) : contractSdl);
  let candidateDoc: DocumentNode;
  try {
    candidateDoc = typeof candidateSdl === 'string' ? parse(candidateSdl) : candidateSdl;
  } catch (err) {
    return [`_service.sdl: not valid GraphQL SDL (${(err as Error).message})`];
  }
  return compareModels(contract, buildSchemaModel(candidateDoc));
}

export function compareModels(contract: SchemaModel, candidate: SchemaModel): string[] {
  const differences: string[] = [];
  for (const expected of [...contract.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (isFederationName(expected.name)) continue;
    const actual = candidate.get(expected.name);
    if (!actual) {
      differences.push(`${expected.name}: ${KIND_LABEL[expected.kind]} missing`);
      continue;
    }
    if (actual.kind !== expected.kind) {
      differences.push(`${expected.name}: ${KIND_LABEL[expected.kind]} expected, got ${KIND_LABEL[actual.kind]}`);
      continue;
    }
    differences.push(...compareType(expected, actual));
  }
  return differences;
}

function compareType(expected: TypeModel, actual: TypeModel): string[] {
  const out: string[] = [];
  const t = expected.name;
  for (const key of expected.keys) if (!actual.keys.has(key)) out.push(`${t}: @key(fields: "${key}") missing`);
  for (const i of expected.interfaces) if (!actual.interfaces.has(i)) out.push(`${t}: must implement ${i}`);
  for (const m of expected.unionMembers) if (!actual.unionMembers.has(m)) out.push(`${t}: union member ${m} missing`);
  for (const v of expected.enumValues) if (!actual.enumValues.has(v)) out.push(`${t}.${v}: enum value missing`);

  for (const [name, field] of expected.fields) {
    if (isFederationName(name)) continue;
    const got = actual.fields.get(name);
    if (!got) {
      out.push(`${t}.${name}: field missing`);
      continue;
    }
    if (got.type !== field.type) out.push(`${t}.${name}: type ${field.type} expected, got ${got.type}`);
    out.push(...compareInputValues(`${t}.${name}`, field.args, got.args, 'argument'));
  }
  out.push(...compareInputValues(t, expected.inputFields, actual.inputFields, 'input field'));
  return out;
}

function compareInputValues(
  owner: string,
  expected: Map<string, InputValueModel>,
  actual: Map<string, InputValueModel>,
  what: 'argument' | 'input field',
): string[] {
  const out: string[] = [];
  const label = (name: string) => (what === 'argument' ? `${owner}(${name}:)` : `${owner}.${name}`);
  for (const [name, value] of expected) {
    const got = actual.get(name);
    if (!got) {
      out.push(`${label(name)}: ${what} missing`);
      continue;
    }
    if (got.type !== value.type) out.push(`${label(name)}: type ${value.type} expected, got ${got.type}`);
    if (got.defaultValue !== value.defaultValue) {
      out.push(`${label(name)}: default value ${value.defaultValue ?? 'none'} expected, got ${got.defaultValue ?? 'none'}`);
    }
  }
  for (const [name, value] of actual) {
    if (!expected.has(name) && isRequired(value)) {
      out.push(`${label(name)}: new required ${what} of type ${value.type} (not in the contract; make it optional)`);
    }
  }
  return out;
}
