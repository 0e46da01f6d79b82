import type { CollectiviteInput } from '../collectivite/collectiviteInput';

/**
 * The collectivités a new directory starts with: the three first members (their membership is
 * set at start-up, see `DIRECTORY_MEMBERS`) and other collectivités of the Hauts-de-France.
 * Populations are INSEE legal populations, rounded; `region` follows from `departement`.
 *
 * SIRENs, all Luhn-valid (a test checks it): communes and intercommunalités as in the official
 * reference `@etalab/decoupage-administratif` (the directory loads it, and a test checks the seed
 * agrees with it); départements and the région (the reference gives no SIREN for them) from public
 * data sets; the two syndicats marked ILLUSTRATIVE (2000991xx): made-up SIRENs of real bodies, to
 * be replaced with the SIRENE ones.
 */
export const SEED_COLLECTIVITES: readonly CollectiviteInput[] = [
  // The three first members.
  { siren: '200072460', name: "Communauté d'agglomération de Béthune-Bruay, Artois Lys Romane", legalCategory: '7348', departement: '62', population: 277_000, website: 'https://www.bethunebruay.fr' },
  { siren: '216200410', name: "Commune d'Arras", legalCategory: '7210', cogCode: '62041', departement: '62', population: 41_300, website: 'https://www.arras.fr' },
  { siren: '226200012', name: 'Département du Pas-de-Calais', legalCategory: '7220', cogCode: '62', departement: '62', population: 1_460_000, website: 'https://www.pasdecalais.fr' },

  // Région and départements.
  { siren: '200053742', name: 'Région Hauts-de-France', legalCategory: '7230', cogCode: '32', region: '32', population: 5_990_000, website: 'https://www.hautsdefrance.fr' },
  { siren: '225900018', name: 'Département du Nord', legalCategory: '7220', cogCode: '59', departement: '59', population: 2_610_000, website: 'https://lenord.fr' },
  { siren: '220200026', name: "Département de l'Aisne", legalCategory: '7220', cogCode: '02', departement: '02', population: 527_000, website: 'https://www.aisne.com' },
  { siren: '226000016', name: "Département de l'Oise", legalCategory: '7220', cogCode: '60', departement: '60', population: 830_000, website: 'https://www.oise.fr' },
  { siren: '228000014', name: 'Département de la Somme', legalCategory: '7220', cogCode: '80', departement: '80', population: 568_000, website: 'https://www.somme.fr' },

  // Métropole, communautés urbaines and d'agglomération.
  { siren: '200093201', name: 'Métropole Européenne de Lille', legalCategory: '7344', departement: '59', population: 1_185_000, website: 'https://www.lillemetropole.fr' },
  { siren: '245900428', name: 'Communauté urbaine de Dunkerque', legalCategory: '7343', departement: '59', population: 192_000, website: 'https://www.communaute-urbaine-dunkerque.fr' },
  { siren: '200033579', name: "Communauté urbaine d'Arras", legalCategory: '7343', departement: '62', population: 108_000 },
  { siren: '246200729', name: "Communauté d'agglomération du Boulonnais", legalCategory: '7348', departement: '62', population: 113_000 },
  { siren: '248000531', name: 'Amiens Métropole', legalCategory: '7348', departement: '80', population: 178_000 },
  { siren: '245901160', name: 'Valenciennes Métropole', legalCategory: '7348', departement: '59', population: 192_000 },
  { siren: '200070993', name: "Communauté d'agglomération de la Baie de Somme", legalCategory: '7348', departement: '80', population: 49_000 },
  { siren: '246200364', name: "Communauté d'agglomération de Lens-Liévin", legalCategory: '7348', departement: '62', population: 242_000 },
  { siren: '246200299', name: "Communauté d'agglomération d'Hénin-Carvin", legalCategory: '7348', departement: '62', population: 125_000 },
  { siren: '200044618', name: 'Douaisis Agglo', legalCategory: '7348', departement: '59', population: 146_000 },
  { siren: '200042190', name: "Communauté d'agglomération de la Porte du Hainaut", legalCategory: '7348', departement: '59', population: 158_000 },
  { siren: '200043396', name: "Communauté d'agglomération Maubeuge Val de Sambre", legalCategory: '7348', departement: '59', population: 124_000 },
  { siren: '200068500', name: "Communauté d'agglomération de Cambrai", legalCategory: '7348', departement: '59', population: 81_000 },
  { siren: '200090751', name: "Communauté d'agglomération Grand Calais Terres et Mers", legalCategory: '7348', departement: '62', population: 103_000 },
  { siren: '200069037', name: "Communauté d'agglomération du Pays de Saint-Omer", legalCategory: '7348', departement: '62', population: 105_000 },
  { siren: '200067999', name: "Communauté d'agglomération du Beauvaisis", legalCategory: '7348', departement: '60', population: 104_000 },
  { siren: '200067965', name: "Communauté d'agglomération de la Région de Compiègne et de la Basse Automne", legalCategory: '7348', departement: '60', population: 82_000 },
  { siren: '200068047', name: "Communauté d'agglomération Creil Sud Oise", legalCategory: '7348', departement: '60', population: 87_000 },
  { siren: '200071892', name: "Communauté d'agglomération du Saint-Quentinois", legalCategory: '7348', departement: '02', population: 80_000 },
  { siren: '200043495', name: "Communauté d'agglomération du Pays de Laon", legalCategory: '7348', departement: '02', population: 42_000 },

  // Communautés de communes and syndicats.
  { siren: '200069672', name: 'Communauté de communes du Ternois', legalCategory: '7346', departement: '62', population: 38_000 },
  { siren: '200040947', name: "Communauté d'agglomération Cœur de Flandre", legalCategory: '7348', departement: '59', population: 103_000 },
  { siren: '200099166', name: 'Syndicat mixte des transports Artois-Gohelle', legalCategory: '7355', departement: '62' }, // ILLUSTRATIVE SIREN
  { siren: '200099174', name: "Fédération départementale d'énergie du Pas-de-Calais", legalCategory: '7354', departement: '62' }, // ILLUSTRATIVE SIREN

  // Communes.
  { siren: '215903501', name: 'Commune de Lille', legalCategory: '7210', cogCode: '59350', departement: '59', population: 236_700, website: 'https://www.lille.fr' },
  { siren: '215905126', name: 'Commune de Roubaix', legalCategory: '7210', cogCode: '59512', departement: '59', population: 98_800 },
  { siren: '215905993', name: 'Commune de Tourcoing', legalCategory: '7210', cogCode: '59599', departement: '59', population: 98_700, website: 'https://www.tourcoing.fr' },
  { siren: '200027159', name: 'Commune de Dunkerque', legalCategory: '7210', cogCode: '59183', departement: '59', population: 86_300, website: 'https://www.ville-dunkerque.fr' },
  { siren: '215900093', name: "Commune de Villeneuve-d'Ascq", legalCategory: '7210', cogCode: '59009', departement: '59', population: 62_700 },
  { siren: '215906066', name: 'Commune de Valenciennes', legalCategory: '7210', cogCode: '59606', departement: '59', population: 43_700 },
  { siren: '215901786', name: 'Commune de Douai', legalCategory: '7210', cogCode: '59178', departement: '59', population: 39_700 },
  { siren: '215906504', name: 'Commune de Wattrelos', legalCategory: '7210', cogCode: '59650', departement: '59', population: 40_800 },
  { siren: '215903782', name: 'Commune de Marcq-en-Barœul', legalCategory: '7210', cogCode: '59378', departement: '59', population: 39_400 },
  { siren: '215901224', name: 'Commune de Cambrai', legalCategory: '7210', cogCode: '59122', departement: '59', population: 31_700 },
  { siren: '215903923', name: 'Commune de Maubeuge', legalCategory: '7210', cogCode: '59392', departement: '59', population: 29_400 },
  { siren: '216201939', name: 'Commune de Calais', legalCategory: '7210', cogCode: '62193', departement: '62', population: 67_500, website: 'https://www.calais.fr' },
  { siren: '216201608', name: 'Commune de Boulogne-sur-Mer', legalCategory: '7210', cogCode: '62160', departement: '62', population: 40_000 },
  { siren: '216204982', name: 'Commune de Lens', legalCategory: '7210', cogCode: '62498', departement: '62', population: 31_600 },
  { siren: '216205104', name: 'Commune de Liévin', legalCategory: '7210', cogCode: '62510', departement: '62', population: 30_500 },
  { siren: '216209106', name: 'Commune de Béthune', legalCategory: '7210', cogCode: '62119', departement: '62', population: 25_500 },
  { siren: '216204271', name: 'Commune de Hénin-Beaumont', legalCategory: '7210', cogCode: '62427', departement: '62', population: 25_800 },
  { siren: '216201780', name: 'Commune de Bruay-la-Buissière', legalCategory: '7210', cogCode: '62178', departement: '62', population: 21_600 },
  { siren: '216207654', name: 'Commune de Saint-Omer', legalCategory: '7210', cogCode: '62765', departement: '62', population: 14_200 },
  { siren: '218000198', name: "Commune d'Amiens", legalCategory: '7210', cogCode: '80021', departement: '80', population: 134_000, website: 'https://www.amiens.fr' },
  { siren: '218000016', name: "Commune d'Abbeville", legalCategory: '7210', cogCode: '80001', departement: '80', population: 22_500 },
  { siren: '216000562', name: 'Commune de Beauvais', legalCategory: '7210', cogCode: '60057', departement: '60', population: 56_600, website: 'https://www.beauvais.fr' },
  { siren: '216001586', name: 'Commune de Compiègne', legalCategory: '7210', cogCode: '60159', departement: '60', population: 40_600, website: 'https://www.compiegne.fr' },
  { siren: '216001743', name: 'Commune de Creil', legalCategory: '7210', cogCode: '60175', departement: '60', population: 36_300 },
  { siren: '210206660', name: 'Commune de Saint-Quentin', legalCategory: '7210', cogCode: '02691', departement: '02', population: 53_000 },
  { siren: '210203873', name: 'Commune de Laon', legalCategory: '7210', cogCode: '02408', departement: '02', population: 24_500 },
  { siren: '210206959', name: 'Commune de Soissons', legalCategory: '7210', cogCode: '02722', departement: '02', population: 28_500 },
  { siren: '210201554', name: 'Commune de Château-Thierry', legalCategory: '7210', cogCode: '02168', departement: '02', population: 14_500 },
];

/** The SIRENs of the three first members, in the order the dev stack starts them. */
export const FIRST_MEMBER_SIRENS = ['200072460', '216200410', '226200012'] as const;
