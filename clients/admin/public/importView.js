// Import a spreadsheet (CSV, JSON or XLSX): a dry run first, its problems as a table (row, column,
// value, problem, suggestion) whose values can be corrected here and checked again, then the
// import; and the export of the whole registry.
import { h, say, show, table } from './dom.js';
import { download, importFile } from './api.js';

export function importView() {
  const state = { name: '', content: null, report: null };
  const fileInput = h('input', { type: 'file', id: 'import-file', accept: '.csv,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'aria-describedby': 'import-help' });
  const publish = h('input', { type: 'checkbox', id: 'import-publish' });
  const accept = h('input', { type: 'checkbox', id: 'import-accept' });
  const result = h('div', { id: 'import-result' });
  const importButton = h('button', { type: 'button', id: 'import-run', disabled: true }, 'Importer');

  const options = () => ({ publish: publish.checked, acceptSuggestions: accept.checked });

  async function check() {
    if (!state.content) return say('Choisissez d’abord un fichier.');
    say('Vérification en cours…');
    try {
      state.report = await importFile(state.name, state.content, { dryRun: true, ...options() });
    } catch (err) {
      state.report = null;
      importButton.disabled = true;
      result.replaceChildren(h('p', { class: 'error', role: 'alert' }, err.message));
      return say('');
    }
    render();
  }

  function render() {
    const r = state.report;
    const errors = r.errors.length;
    importButton.disabled = errors > 0;
    say(errors ? `${errors} problème(s) à corriger : rien n’a été écrit.` : `Essai réussi : ${r.created} outil(s) seraient créés, ${r.updated} modifiés, ${r.unchanged} inchangés.`);
    const inputs = [];
    const rows = r.problems.map((p, i) => {
      const editable = p.row > 0 && r.table.headers.includes(p.column);
      const input = editable ? h('input', { type: 'text', id: `fix-${i}`, value: p.value, 'aria-label': `Valeur corrigée, ligne ${p.row}, colonne ${p.column}` }) : null;
      if (input) inputs.push({ p, input });
      return [String(p.row || '—'), p.column || '—', p.value, p.problem, p.suggestion, input ?? ''];
    });
    // replaceChildren would print a null as "null": absent parts are dropped first.
    result.replaceChildren(...[
      h('h2', {}, 'Rapport de l’essai'),
      h('p', {}, `Fichier ${r.file} lu au format ${r.standard} : ${r.rowCount} ligne(s).`),
      r.ignoredColumns.length ? h('p', {}, `Colonnes sans équivalent BibIA, conservées dans les champs d’origine : ${r.ignoredColumns.join(', ')}.`) : null,
      r.personalColumns.length ? h('p', {}, `Colonnes de données personnelles, ni enregistrées ni conservées : ${r.personalColumns.join(', ')}.`) : null,
      rows.length ? table('Problèmes et avertissements, ligne par ligne', ['Ligne', 'Colonne', 'Valeur', 'Problème', 'Suggestion', 'Correction'], rows) : h('p', {}, 'Aucun problème.'),
      inputs.length
        ? h('button', { type: 'button', id: 'import-retry', onclick: () => retry(inputs) }, 'Corriger et vérifier à nouveau')
        : null,
    ].filter(Boolean));
  }

  /** Puts the corrected values in the rows as read, and checks them again (as JSON). */
  function retry(inputs) {
    const { headers, rows } = state.report.table;
    const copy = rows.map((cells) => [...cells]);
    for (const { p, input } of inputs) copy[p.row - 1][headers.indexOf(p.column)] = input.value;
    state.content = JSON.stringify(copy.map((cells) => Object.fromEntries(headers.map((name, i) => [name, cells[i] ?? '']))));
    state.name = state.name.replace(/\.[^.]*$/, '') + '.json';
    return check();
  }

  async function runImport() {
    say('Import en cours…');
    try {
      const r = await importFile(state.name, state.content, { dryRun: false, ...options() });
      if (r.errors.length) return (state.report = r), render();
      importButton.disabled = true;
      result.replaceChildren(h('p', { role: 'alert' }, `Import terminé : ${r.created} créé(s), ${r.updated} modifié(s), ${r.unchanged} inchangé(s)${options().publish ? ', publiés' : ' (brouillons)'}.`), h('a', { href: '#/' }, 'Voir le tableau de bord'));
      say('Import terminé.');
    } catch (err) {
      result.replaceChildren(h('p', { class: 'error', role: 'alert' }, err.message));
    }
  }

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files[0];
    state.name = file ? file.name : '';
    state.content = file ? await file.arrayBuffer() : null;
    state.report = null;
    importButton.disabled = true;
    result.replaceChildren();
  });
  importButton.addEventListener('click', runImport);

  const exportButton = (format) =>
    h('button', { type: 'button', class: 'secondary', onclick: async () => {
      try {
        const { name, blob } = await download(format);
        const a = h('a', { href: URL.createObjectURL(blob), download: name });
        document.body.append(a);
        a.click();
        a.remove();
        say(`Export ${format.toUpperCase()} prêt : ${name}.`);
      } catch (err) {
        say(err.message);
      }
    } }, `Exporter en ${format.toUpperCase()}`);

  show('Import et export',
    h('h2', {}, 'Importer un tableur'),
    h('div', { class: 'field' },
      h('label', { for: 'import-file' }, 'Fichier CSV, JSON ou XLSX'),
      h('p', { class: 'help', id: 'import-help' }, 'Colonnes de BibIA (celles de l’export) ou d’un registre publié (Algoritmeregister, ATRS, Eurocities, inventaire Etalab). CSV séparé par ; ou , en UTF-8 ; XLSX : la première feuille, les en-têtes sur la première ligne. Un essai vérifie tout avant d’écrire.'),
      fileInput),
    h('div', { class: 'field' }, h('label', {}, publish, ' Publier les outils importés')),
    h('div', { class: 'field' }, h('label', {}, accept, ' Retenir les thèmes suggérés')),
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'import-check', onclick: check }, 'Vérifier le fichier (essai)'), importButton),
    result,
    h('h2', {}, 'Exporter le registre'),
    h('p', {}, 'Tous les outils, brouillons compris, avec les colonnes que l’import relit.'),
    h('div', { class: 'actions' }, exportButton('csv'), exportButton('json')));
}
