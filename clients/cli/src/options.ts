import { REGION_NAMES } from '@bibia/sdk';
import type { EnumName } from './import/columns';
import { key, vocabularyOf } from './import/vocabulary';
import { invalidInput } from './errors';

/** `--theme santé,EDUCATION`: enum names or French labels, comma-separated or repeated. */
export function enumListOption(name: EnumName, flag: string) {
  return (value: string, previous: string[] = []): string[] => {
    const vocabulary = vocabularyOf(name);
    const parsed = value.split(',').map((v) => v.trim()).filter(Boolean).map((v) => {
      const found = vocabulary.lookup(v);
      if (!found) throw invalidInput(`${flag} "${v}" is not a known value: use one of ${vocabulary.values.join(', ')} (or their French labels)`);
      return found;
    });
    return [...previous, ...parsed.filter((v) => !previous.includes(v))];
  };
}

/** `--region 32` or `--region "Hauts-de-France"`: the INSEE code. */
export function regionOption(value: string): string {
  if (REGION_NAMES[value.trim()]) return value.trim();
  const found = Object.entries(REGION_NAMES).find(([, name]) => key(name) === key(value));
  if (!found) throw invalidInput(`--region "${value}" is not a région code or name (e.g. 32 or Hauts-de-France)`);
  return found[0];
}

export function positiveIntOption(flag: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw invalidInput(`${flag} must be a whole number from 1 to ${max}`);
    return n;
  };
}
