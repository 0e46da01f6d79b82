import { convertRow, planColumns } from '../convertRow';

const SIREN = '216200410';
const convert = (row: Record<string, unknown>) => {
  const headers = Object.keys(row);
  return convertRow(planColumns(headers), headers.map((h) => row[h]), SIREN);
};

describe('BibIA columns', () => {
  it('reads our names, French aliases, lists, booleans, numbers and dates', () => {
    const { input, errors } = convert({
      Nom: 'Tri du courrier',
      Résumé: 'Propose le service destinataire.',
      themes: 'ADMINISTRATION | Relation aux usagers',
      Statut: 'en service',
      algorithmType: 'machine_learning',
      riskLevel: 'Risque limité',
      hosting: 'FRENCH_CLOUD',
      individualDecisions: 'non',
      openSource: 'oui',
      decisionsPerYear: '12 000',
      startDate: '01/03/2024',
      dataSources: 'Courriers numérisés: contenu des lettres (données personnelles) | Annuaire des services',
      impactAssessments: 'AIPD 2024-01-15 https://www.arras.fr/aipd.pdf | FRIA',
      'site web': 'https://www.arras.fr/ia',
    });
    expect(errors).toEqual([]);
    expect(input).toEqual({
      name: 'Tri du courrier',
      summary: 'Propose le service destinataire.',
      themes: ['ADMINISTRATION', 'CITIZEN_RELATIONS'],
      status: 'OPERATIONAL',
      algorithmType: 'MACHINE_LEARNING',
      riskLevel: 'LIMITED',
      hosting: 'FRENCH_CLOUD',
      individualDecisions: false,
      openSource: true,
      decisionsPerYear: 12000,
      startDate: '2024-03-01',
      dataSources: [
        { name: 'Courriers numérisés', description: 'contenu des lettres', personalData: true },
        { name: 'Annuaire des services' },
      ],
      impactAssessments: [{ type: 'DPIA', date: '2024-01-15', url: 'https://www.arras.fr/aipd.pdf' }, { type: 'FRIA' }],
      websiteUrl: 'https://www.arras.fr/ia',
    });
  });

  it('leaves empty cells out so that defaults apply', () => {
    expect(convert({ name: 'Outil', summary: '', themes: '  ', openSource: '' }).input).toEqual({ name: 'Outil' });
  });

  it('turns an exported id into the slug, and refuses another collectivité’s id', () => {
    expect(convert({ id: `${SIREN}:tri-courrier`, name: 'Tri' }).input).toEqual({ slug: 'tri-courrier', name: 'Tri' });
    expect(convert({ id: '200072460:tri-courrier' }).errors).toEqual([
      { column: 'id', field: 'slug', message: `200072460:tri-courrier appartient à la collectivité 200072460, pas à ${SIREN}` },
    ]);
  });

  it('names the column and the accepted values of a bad cell', () => {
    const { errors } = convert({ statut: 'bientôt', openSource: 'peut-être', decisionsPerYear: '12,5', themes: 'Administration, Cuisine' });
    expect(errors.map((e) => [e.column, e.message])).toEqual([
      ['themes', expect.stringMatching(/^« Cuisine » n’est pas une valeur connue : valeurs admises ADMINISTRATION, /)],
      ['statut', '« bientôt » n’est pas une valeur connue : valeurs admises PLANNED, PILOT, OPERATIONAL, RETIRED (ou leurs libellés français)'],
      ['decisionsPerYear', '« 12,5 » n’est pas un nombre entier'],
      ['openSource', '« peut-être » n’est pas oui/non (ja/nee, yes/no, true/false, 1/0)'],
    ]);
  });

  it('reads JSON rows with native values', () => {
    const { input, errors } = convert({ name: 'Outil', themes: ['HEALTH', 'Santé'], individualDecisions: true, decisionsPerYear: 40, dataSources: [{ name: 'Dossiers', personalData: true }] });
    expect(errors).toEqual([]);
    expect(input).toEqual({ name: 'Outil', themes: ['HEALTH'], individualDecisions: true, decisionsPerYear: 40, dataSources: [{ name: 'Dossiers', personalData: true }] });
  });
});

describe('Eurocities columns', () => {
  it('maps the standard’s columns and enum values to ours', () => {
    const { input, errors } = convert({
      name: 'Crowd monitoring',
      description_short: 'Counts visitors in the city centre.',
      status: 'evaluation',
      domain: 'traffic and transportation',
      risk_category: 'limited risk',
      algorithm_type: 'self-learning',
      goal: 'Avoid crowding.',
      human_intervention: 'Operators check every alert.',
      objection_procedure: 'Write to the city.',
      source_data: 'Camera counts',
      DPIA_url: 'https://example.org/dpia',
      DPIA_description: 'Done in 2023.',
      codebase_url: 'https://git.example.org/crowd',
      uuid: '0b5f0c1e-0000-4000-8000-000000000000',
    });
    expect(errors).toEqual([]);
    expect(input).toMatchObject({ source: 'eurocities', sourceExtra: expect.objectContaining({ algorithm_type: 'self-learning' }) });
    expect(input).toEqual({
      source: 'eurocities',
      sourceExtra: expect.any(Object),
      externalId: expect.any(String),
      name: 'Crowd monitoring',
      summary: 'Counts visitors in the city centre.',
      status: 'PILOT',
      themes: ['MOBILITY_TRANSPORT'],
      riskLevel: 'LIMITED',
      algorithmType: 'MACHINE_LEARNING',
      purpose: 'Avoid crowding.',
      humanOversight: 'Intervention humaine : Operators check every alert.\n\nRecours : Write to the city.',
      dataSources: [{ name: 'Données sources', description: 'Camera counts' }],
      impactAssessments: [{ type: 'DPIA', url: 'https://example.org/dpia' }],
      sourceCodeUrl: 'https://git.example.org/crowd',
    });
    expect(planColumns(['name', 'domain', 'lang', 'nonsense']).ignored).toEqual(['lang']);
    expect(planColumns(['name', 'domain', 'lang', 'nonsense']).unknown).toEqual(['nonsense']);
  });

  it('maps every status of the standard', () => {
    const statuses = ['planned', 'design', 'development', 'pilot', 'evaluation', 'operational', 'retired'];
    expect(statuses.map((s) => convert({ status: s }).input.status)).toEqual(['PLANNED', 'PLANNED', 'PLANNED', 'PILOT', 'PILOT', 'OPERATIONAL', 'RETIRED']);
  });

  it('keeps a domain with no BibIA theme, with a warning, unless a themes column gives one', () => {
    const defence = convert({ domain: 'defence' });
    expect(defence.errors).toEqual([]);
    expect(defence.warnings.map((e) => e.message)).toEqual(['« defence » n’a pas de thème BibIA équivalent ; valeur conservée dans sourceExtra']);
    expect(defence.input).toEqual({ source: 'eurocities', sourceExtra: { domain: 'defence' } });
    expect(convert({ domain: 'defence', themes: 'PUBLIC_SAFETY' })).toMatchObject({ errors: [], input: { themes: ['PUBLIC_SAFETY'] } });
  });
});

describe('Etalab columns', () => {
  it('maps the inventory’s French columns', () => {
    const { input, errors } = convert({
      "Nom de l'algorithme": 'Calcul du quotient familial',
      'Contexte global': 'Tarification des services périscolaires.',
      'Opérations effectuées par l’algorithme': 'Revenu fiscal divisé par le nombre de parts.',
      'Finalité': 'Calculer le tarif dû.',
      "Niveau d'automatisation de la décision": 'Entièrement automatisée',
      'Décisions individuelles': 'oui',
      'Nombre de décisions administratives prises par an': '3 400',
      'Public concerné': 'Familles',
      "Type d'algorithme": 'Système de règles',
      'Code source': 'https://git.exemple.fr/qf',
      'Nom de l’administration concernée': 'Arras',
    });
    expect(errors).toEqual([]);
    expect(input).toEqual({
      source: 'etalab',
      sourceExtra: expect.objectContaining({ 'Nom de l’administration concernée': 'Arras', 'Type d\'algorithme': 'Système de règles' }),
      name: 'Calcul du quotient familial',
      description: 'Contexte : Tarification des services périscolaires.\n\nOpérations effectuées : Revenu fiscal divisé par le nombre de parts.',
      purpose: 'Calculer le tarif dû.',
      automationLevel: 'FULLY_AUTOMATED',
      individualDecisions: true,
      decisionsPerYear: 3400,
      affectedPublic: 'Familles',
      algorithmType: 'RULE_BASED',
      sourceCodeUrl: 'https://git.exemple.fr/qf',
    });
  });
});

describe('registers’ files', () => {
  it('keep columns of no standard in sourceExtra, as one warning for the file and never a row error', () => {
    const plan = planColumns(['name', 'summary', 'couleur']);
    expect(plan.unknown).toEqual(['couleur']);
    const { input, errors } = convertRow(plan, ['Outil', 'Résumé', 'bleu'], SIREN);
    expect(errors).toEqual([]);
    expect(input).toEqual({ name: 'Outil', summary: 'Résumé', sourceExtra: { couleur: 'bleu' } });
  });

  it('read Dutch statuses, themes and yes/no, leave what is not said null, and keep the record', () => {
    const c = convert({ lars: '12345678', name: 'Meldingen', description_short: '<p>Sorteert meldingen.</p>', status: 'In gebruik', category: ['Verkeer', 'Recht'], publication_category: 'Impactvolle algoritmes' });
    expect(c.errors).toEqual([]);
    expect(c.input).toMatchObject({ source: 'nl-algoritmeregister', externalId: '12345678', summary: 'Sorteert meldingen.', status: 'OPERATIONAL', themes: ['MOBILITY_TRANSPORT'] });
    for (const field of ['riskLevel', 'aiActRole', 'automationLevel', 'individualDecisions', 'openSource', 'hosting']) expect(c.input).not.toHaveProperty(field);
    expect(c.input.sourceExtra).toMatchObject({ publication_category: 'Impactvolle algoritmes', category: ['Verkeer', 'Recht'] });
  });

  it('suggest themes from the texts, applied only when the clerk accepts them', () => {
    const headers = ['tool_name', 'url', 'description'];
    const cells = ['Parking chatbot', 'https://www.gov.uk/algorithmic-transparency-records/x', 'Answers parking questions.'];
    const suggested = convertRow(planColumns(headers), cells, SIREN);
    expect(suggested.suggestedThemes).toContain('MOBILITY_TRANSPORT');
    expect(suggested.input).not.toHaveProperty('themes');
    expect(convertRow(planColumns(headers), cells, SIREN, { acceptSuggestions: true }).input.themes).toEqual(suggested.suggestedThemes);
  });
});
