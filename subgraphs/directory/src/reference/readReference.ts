import fs from 'node:fs';
import { isValidSiren, normalizeText } from '@bibia/kit';
import type { CollectiviteKind } from '../generated/prisma/enums';
import { kindFromLegalCategory } from '../collectivite/legalCategory';
import { DEPARTEMENTS, regionOfDepartement } from '../shared/geo';

/** The npm package the reference comes from (INSEE's Code officiel géographique, by Etalab). */
export const REFERENCE_PACKAGE = '@etalab/decoupage-administratif';

/** One collectivité of the reference, as the directory stores it. */
export interface ReferenceRow {
  siren: string;
  name: string;
  sortName: string;
  legalCategory: string;
  kind: CollectiviteKind;
  cogCode: string | null;
  departement: string | null;
  region: string | null;
  population: number | null;
  postalCodes: string[];
  epciSiren: string | null;
}

/** What was read, and what was left out and why (logged at each load). */
export interface Reference {
  version: string;
  rows: ReferenceRow[];
  /** `invalidSiren` counts SIRENs without a valid check digit, and repeated ones. */
  skipped: { withoutSiren: number; outsideDepartements: number; invalidSiren: number };
}

// The shapes of the package's data files we read (other fields are ignored).
interface CommuneEntry {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  siren?: string;
  codesPostaux?: string[];
  population?: number;
}
interface EpciMember {
  code: string;
  siren?: string;
  populationMunicipale?: number;
}
interface EpciEntry {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: EpciMember[];
}

/**
 * INSEE legal category of each kind of EPCI à fiscalité propre the reference lists. The Métropole
 * de Lyon (MET69) is not an EPCI but a collectivité à statut particulier: category 7229.
 */
const EPCI_LEGAL_CATEGORY: Readonly<Record<string, string>> = {
  CC: '7346',
  CA: '7348',
  CU: '7343',
  METRO: '7344',
  MET69: '7229',
};

function readData<T>(file: string): T {
  return JSON.parse(fs.readFileSync(require.resolve(`${REFERENCE_PACKAGE}/data/${file}.json`), 'utf8')) as T;
}

/** The version of the installed reference package: a new version is loaded again. */
export function referenceVersion(): string {
  const file = require.resolve(`${REFERENCE_PACKAGE}/package.json`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * Reads the communes (current ones, with a SIREN) and the EPCI à fiscalité propre of the
 * installed package. Départements and régions are not read: the package gives no SIREN for them
 * (the seed has a few; the hub admin adds others with `upsertCollectivite`). Neither are the
 * établissements publics territoriaux of the Grand Paris, whose legal category it does not give.
 */
export function readReference(): Reference {
  const communes = readData<CommuneEntry[]>('communes').filter((c) => c.type === 'commune-actuelle');
  const epcis = readData<EpciEntry[]>('epci');
  const skipped = { withoutSiren: 0, outsideDepartements: 0, invalidSiren: 0 };
  const departementOfCommune = new Map(communes.map((c) => [c.code, c.departement]));
  const epciOfCommune = new Map<string, string>();
  for (const epci of epcis) for (const m of epci.membres) epciOfCommune.set(m.code, epci.code);

  const rows: ReferenceRow[] = [];
  const seen = new Set<string>();
  const add = (row: Omit<ReferenceRow, 'sortName' | 'kind' | 'region'>) => {
    if (!row.siren) return void skipped.withoutSiren++;
    // A SIREN twice would fail its whole batch (ON CONFLICT cannot touch a row twice).
    if (!isValidSiren(row.siren) || seen.has(row.siren)) return void skipped.invalidSiren++;
    seen.add(row.siren);
    // Collectivités d'outre-mer (975, 977, 978, 98x) are outside the directory's geography.
    if (row.departement === null || !DEPARTEMENTS[row.departement]) return void skipped.outsideDepartements++;
    rows.push({
      ...row,
      sortName: normalizeText(row.name),
      kind: kindFromLegalCategory(row.legalCategory),
      region: regionOfDepartement(row.departement) ?? null,
    });
  };
  for (const c of communes) {
    const epci = epciOfCommune.get(c.code);
    add({
      siren: c.siren ?? '',
      name: c.nom,
      legalCategory: '7210',
      cogCode: c.code,
      departement: c.departement ?? null,
      population: c.population ?? null,
      postalCodes: [...new Set(c.codesPostaux ?? [])],
      epciSiren: epci && isValidSiren(epci) ? epci : null,
    });
  }
  for (const e of epcis) {
    add({
      siren: e.code,
      name: e.nom,
      legalCategory: EPCI_LEGAL_CATEGORY[e.type] ?? '7349',
      cogCode: null,
      departement: mainDepartement(e.membres, departementOfCommune),
      population: e.populationMunicipale ?? null,
      postalCodes: [],
      epciSiren: null,
    });
  }
  return { version: referenceVersion(), rows, skipped };
}

/**
 * The département holding most of an EPCI's population: the reference gives its members, not its
 * seat, and a few EPCI span two départements.
 */
function mainDepartement(members: EpciMember[], departementOfCommune: Map<string, string | undefined>): string | null {
  const population = new Map<string, number>();
  for (const m of members) {
    const d = departementOfCommune.get(m.code);
    if (d) population.set(d, (population.get(d) ?? 0) + (m.populationMunicipale ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [d, p] of population) if (best === null || p > population.get(best)!) best = d;
  return best;
}
