/*
 * The scenario's data, written for BibIA (French texts, our own values), in the shape of the
 * public graphql-gateways-benchmark: 6 users, 9 products, 11 reviews of products 1 to 4, each
 * user the author of about 2 reviews, review bodies of a few hundred characters.
 */

export interface User {
  id: string;
  name: string;
  username: string;
  birthday: number;
}

export interface Product {
  upc: string;
  name: string;
  /** Price in euros. */
  price: number;
  /** Weight in grams. */
  weight: number;
}

export interface Review {
  id: string;
  body: string;
  productUpc: string;
  authorId: string;
}

export const USERS: readonly User[] = [
  { id: '1', name: 'Camille Martin', username: 'cmartin', birthday: 473_385_600 },
  { id: '2', name: 'Léa Bernard', username: 'lbernard', birthday: 631_152_000 },
  { id: '3', name: 'Hugo Petit', username: 'hpetit', birthday: 788_918_400 },
  { id: '4', name: 'Chloé Durand', username: 'cdurand', birthday: 536_457_600 },
  { id: '5', name: 'Louis Leroy', username: 'lleroy', birthday: 694_224_000 },
  { id: '6', name: 'Manon Moreau', username: 'mmoreau', birthday: 852_076_800 },
];

export const PRODUCTS: readonly Product[] = [
  { upc: '1', name: 'Bureau', price: 749, weight: 120 },
  { upc: '2', name: 'Canapé', price: 1390, weight: 900 },
  { upc: '3', name: 'Carafe', price: 19, weight: 30 },
  { upc: '4', name: 'Fauteuil', price: 459, weight: 150 },
  { upc: '5', name: 'Écran', price: 1190, weight: 700 },
  { upc: '6', name: 'Lampe', price: 89, weight: 40 },
  { upc: '7', name: 'Plancha', price: 2490, weight: 1800 },
  { upc: '8', name: 'Réfrigérateur', price: 98_000, weight: 5500 },
  { upc: '9', name: 'Banquette', price: 8900, weight: 750 },
];

/** Whether each product is in stock, by UPC (the inventory subgraph's own data). */
export const IN_STOCK: Readonly<Record<string, boolean>> = { 1: true, 2: false, 3: false, 4: false, 5: true, 6: true, 7: true, 8: false, 9: true };

const LONG =
  "Le bureau est arrivé en bon état, dans un carton solide, avec une notice claire et toutes les vis. Le montage a pris une petite heure à deux personnes. Le plateau est large, stable, et ne bouge pas quand on écrit. La finition du bois est soignée et résiste bien aux taches de café. Seul regret : les pieds ne sont pas réglables, ce qui gêne sur un parquet ancien un peu irrégulier.";
const MEDIUM =
  "Très bon rapport qualité-prix. Livraison rapide, le transporteur a prévenu la veille. Après trois mois d'usage quotidien, rien à signaler : les charnières tiennent, les tiroirs coulissent sans bruit. Je le recommande à qui cherche un meuble simple, durable et facile à entretenir.";
const SHORT = "Conforme à la description, mais la couleur est plus claire que sur les photos. Emballage perfectible.";
const VERY_LONG = `${LONG} ${MEDIUM} ${LONG} ${SHORT}`;

export const REVIEWS: readonly Review[] = [
  { id: '1', body: LONG, productUpc: '1', authorId: '1' },
  { id: '2', body: MEDIUM, productUpc: '1', authorId: '1' },
  { id: '3', body: SHORT, productUpc: '1', authorId: '2' },
  { id: '4', body: MEDIUM, productUpc: '1', authorId: '2' },
  { id: '5', body: LONG, productUpc: '2', authorId: '3' },
  { id: '6', body: MEDIUM, productUpc: '2', authorId: '3' },
  { id: '7', body: SHORT, productUpc: '2', authorId: '4' },
  { id: '8', body: SHORT, productUpc: '2', authorId: '4' },
  { id: '9', body: SHORT, productUpc: '3', authorId: '5' },
  { id: '10', body: MEDIUM, productUpc: '4', authorId: '5' },
  { id: '11', body: VERY_LONG, productUpc: '4', authorId: '6' },
];

/** The most reviews one user wrote: `User.reviews`'s `@listSize(assumedSize:)` (reviews subgraph). */
export const MAX_REVIEWS_PER_USER = largestGroup(REVIEWS, (r) => r.authorId);
/** The most reviews one product has: `Product.reviews`'s `@listSize(assumedSize:)`. */
export const MAX_REVIEWS_PER_PRODUCT = largestGroup(REVIEWS, (r) => r.productUpc);

function largestGroup<T>(items: readonly T[], key: (item: T) => string): number {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
