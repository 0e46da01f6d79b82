import { badInput, isValidSiren, plainText } from '@bibia/kit';

/**
 * Input checks shared by the mutations. Each throws BAD_USER_INPUT naming the field
 * (`extensions.field`), and returns the cleaned value. Mutations run every check before writing,
 * so nothing is written when one fails.
 */

export function checkSiren(value: string, field: string): string {
  const siren = value.trim();
  if (!isValidSiren(siren)) throw badInput(`${field}: "${value}" is not a valid SIREN (9 digits with a Luhn check digit)`, { field });
  return siren;
}

/**
 * Plain text under the hub's one policy (`plainText` of the kit, as in the registries): control,
 * bidi-override and zero-width characters are removed, not refused; then the length bounds apply
 * to what is stored.
 */
export function checkText(value: string, field: string, { min = 1, max }: { min?: number; max: number }): string {
  const text = plainText(value);
  if (text.length < min) throw badInput(min === 1 ? `${field} must not be empty` : `${field} must have at least ${min} characters`, { field });
  if (text.length > max) throw badInput(`${field} must have at most ${max} characters, got ${text.length}`, { field });
  return text;
}

export function checkOptionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value == null || plainText(value) === '') return null;
  return checkText(value, field, { max });
}

/** An absolute http(s) URL, at most 2,048 characters, without credentials. */
export function checkHttpUrl(value: string, field: string): string {
  const text = value.trim();
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw badInput(`${field}: "${value}" is not an http or https URL`, { field });
  }
  if (url.username || url.password) throw badInput(`${field} must not contain credentials`, { field });
  if (text.length > 2048) throw badInput(`${field} must have at most 2048 characters`, { field });
  return text;
}

export function checkOptionalHttpUrl(value: string | null | undefined, field: string): string | null {
  if (value == null || value.trim() === '') return null;
  return checkHttpUrl(value, field);
}

export function checkPattern(value: string, field: string, pattern: RegExp, what: string): string {
  const text = value.trim();
  if (!pattern.test(text)) throw badInput(`${field}: "${value}" is not ${what}`, { field });
  return text;
}
