/**
 * The registry answers in English (its API messages); a clerk reads French. Known messages are
 * translated, with their limits; any other is shown as the registry wrote it.
 */
const TRANSLATIONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^at most (\d+) characters$/, (m) => `au plus ${m[1]} caractères`],
  [/^at most (\d+) (\w+?)s$/, (m) => `au plus ${m[1]} éléments (${m[2]})`],
  [/^required$/, () => 'obligatoire'],
  [/^must be an http\(s\) URL/, () => 'doit être une adresse http(s), par exemple https://www.exemple.fr/page'],
  [/^must be an email address$/, () => 'doit être une adresse électronique'],
  [/^must be a date YYYY-MM-DD$/, () => 'doit être une date AAAA-MM-JJ'],
  [/^is not a real calendar date$/, () => 'n’est pas une date du calendrier'],
  [/^must not be before (\w+)$/, (m) => `ne doit pas précéder ${m[1]}`],
  [/^must be a SIREN/, () => 'doit être un SIREN : 9 chiffres dont une clé de contrôle valide'],
  [/^must be one of (.+)$/, (m) => `doit être l’une des valeurs ${m[1]}`],
  [/^duplicates the slug of row (\d+)$/, (m) => `même identifiant (slug) que la ligne ${m[1]}`],
  [/^duplicates the register id of row (\d+)$/, (m) => `même identifiant d’origine que la ligne ${m[1]}`],
  [/^tool (\S+) is archived and cannot change$/, (m) => `l’outil ${m[1]} est archivé et ne peut plus changer`],
  [/^must be a whole number$/, () => 'doit être un nombre entier'],
  [/^(\w+)s must not repeat$/, (m) => `valeurs répétées (${m[1]})`],
];

export function frenchMessage(message: string): string {
  for (const [pattern, french] of TRANSLATIONS) {
    const m = pattern.exec(message);
    if (m) return french(m);
  }
  return message;
}
