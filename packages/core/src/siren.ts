/**
 * SIREN: the 9-digit identifier INSEE gives every French legal entity; its last digit is a Luhn
 * check digit.
 */
export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnSum(value) % 10 === 0;
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit from the right (positions 2, 4... of a 9-digit number).
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** Completes 8 digits with the Luhn check digit (for generated test data). */
export function withCheckDigit(first8: string): string {
  for (let c = 0; c <= 9; c++) if (isValidSiren(`${first8}${c}`)) return `${first8}${c}`;
  throw new Error(`unreachable: no check digit for ${first8}`);
}
