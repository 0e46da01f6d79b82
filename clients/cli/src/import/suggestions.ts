import { key } from './vocabulary';

/**
 * Words (French, Dutch, English) that suggest a theme when a row gives none. Only a suggestion:
 * `bibia import` lists it, and applies it with `--accept-suggestions` alone.
 */
const THEME_WORDS: Record<string, string[]> = {
  SOCIAL_ACTION: ['social', 'sociale', 'bijstand', 'uitkering', 'welfare', 'benefit', 'rsa', 'jeugdzorg'],
  HEALTH: ['santé', 'sante', 'zorg', 'gezondheid', 'health', 'medical', 'médical'],
  EDUCATION: ['école', 'ecole', 'scolaire', 'onderwijs', 'school', 'education', 'leerplicht'],
  MOBILITY_TRANSPORT: ['parking', 'parkeren', 'stationnement', 'verkeer', 'traffic', 'transport', 'mobilité', 'vervoer'],
  ROADS_PUBLIC_SPACE: ['voirie', 'openbare ruimte', 'espace public', 'street', 'melding'],
  HOUSING: ['logement', 'wonen', 'woning', 'housing', 'huur'],
  ENVIRONMENT: ['environnement', 'milieu', 'klimaat', 'climat', 'environment', 'hittestress'],
  WASTE: ['déchets', 'dechets', 'afval', 'waste'],
  ENERGY: ['énergie', 'energie', 'energy', 'aardgas'],
  PUBLIC_SAFETY: ['sécurité', 'veiligheid', 'handhaving', 'fraude', 'fraud', 'police', 'politie'],
  FINANCE_BUDGET: ['impôt', 'belasting', 'woz', 'heffing', 'tax', 'taxe', 'finance', 'leges'],
  HUMAN_RESOURCES: ['recrutement', 'personeel', 'recruitment', 'kandidat', 'candidat'],
  ELECTIONS_CIVIL_STATUS: ['état civil', 'burgerzaken', 'brp', 'paspoort', 'passeport', 'verkiezing'],
  CITIZEN_RELATIONS: ['chatbot', 'assistant', 'klantcontact', 'usagers', 'webchat', 'contact centre'],
  DIGITAL_IT: ['anonimiseren', 'anonymisation', 'e-mail', 'classificatie', 'documents'],
};

/** At most two themes whose words the text holds, most words first. */
export function suggestThemes(text: string): string[] {
  const words = ` ${text.toLowerCase()} `;
  const scored = Object.entries(THEME_WORDS)
    .map(([theme, list]) => [theme, list.filter((w) => words.includes(w) || (key(w).length > 5 && key(words).includes(key(w)))).length] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return scored.slice(0, 2).map(([theme]) => theme);
}
