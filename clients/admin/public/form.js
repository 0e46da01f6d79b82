// A form built from field definitions (fields.js): one control per field with its label, help
// and an error slot next to it; `read()` gives the input object, `showErrors()` the API's errors.
import { h } from './dom.js';
import { ENUM_LABELS } from './labels.js';

const ROWS = {
  dataSources: [
    { name: 'name', label: 'Nom', kind: 'text' },
    { name: 'description', label: 'Description', kind: 'text' },
    { name: 'personalData', label: 'Données personnelles', kind: 'boolean' },
  ],
  impactAssessments: [
    { name: 'type', label: 'Type', kind: 'enum', enum: 'ImpactAssessmentType' },
    { name: 'date', label: 'Date', kind: 'date' },
    { name: 'url', label: 'Adresse', kind: 'url' },
  ],
  indicators: [
    { name: 'name', label: 'Mesure', kind: 'text' },
    { name: 'value', label: 'Valeur', kind: 'number' },
    { name: 'unit', label: 'Unité', kind: 'text' },
  ],
};

const INPUT_TYPES = { text: 'text', url: 'url', email: 'email', int: 'number', number: 'number', date: 'date' };

function options(enumName, value) {
  const labels = ENUM_LABELS[enumName] || {};
  return [h('option', { value: '' }, 'Non renseigné'), ...Object.entries(labels).map(([v, label]) => h('option', { value: v, selected: v === value }, label))];
}

function control(id, f, value, describedBy) {
  const common = { id, name: id, 'aria-describedby': describedBy, required: f.required };
  if (f.kind === 'textarea') return h('textarea', { ...common, value: value ?? '' });
  if (f.kind === 'json') return h('textarea', { ...common, spellcheck: 'false', value: value ? JSON.stringify(value, null, 2) : '' });
  if (f.kind === 'enum') return h('select', common, options(f.enum, value));
  if (f.kind === 'boolean') {
    return h('select', common, h('option', { value: '' }, 'Non renseigné'), h('option', { value: 'true', selected: value === true }, 'Oui'), h('option', { value: 'false', selected: value === false }, 'Non'));
  }
  return h('input', { ...common, type: INPUT_TYPES[f.kind] || 'text', step: f.kind === 'number' ? 'any' : undefined, list: f.list, value: value ?? '' });
}

/** A table of rows (data sources, impact assessments, indicators), each cell labelled. */
function rowsEditor(id, f, values) {
  const columns = ROWS[f.kind];
  const body = h('tbody');
  let n = 0;
  const addRow = (row = {}) => {
    const i = n++;
    const tr = h('tr', { 'data-row': '' },
      columns.map((c) => h('td', {}, control(`${id}-${i}-${c.name}`, c, row[c.name], undefined))),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => tr.remove() }, 'Retirer', h('span', { class: 'visually-hidden' }, ` la ligne ${i + 1}`))));
    // Each control is named by its column header and row for screen readers.
    columns.forEach((c) => tr.querySelector(`#${CSS.escape(`${id}-${i}-${c.name}`)}`).setAttribute('aria-label', `${c.label}, ligne ${i + 1}`));
    body.append(tr);
  };
  (values || []).forEach(addRow);
  const fieldset = h('fieldset', { id, 'data-kind': f.kind },
    h('legend', {}, f.label),
    h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Action')))), body)),
    h('button', { type: 'button', class: 'secondary', onclick: () => addRow() }, `Ajouter : ${f.label.toLowerCase()}`));
  fieldset.readRows = () =>
    [...body.querySelectorAll('tr[data-row]')].map((tr) => {
      const out = {};
      columns.forEach((c) => {
        const raw = tr.querySelector(`[id$="-${c.name}"]`).value.trim();
        if (raw === '') return;
        out[c.name] = c.kind === 'boolean' ? raw === 'true' : c.kind === 'number' ? Number(raw) : raw;
      });
      return out;
    }).filter((r) => Object.keys(r).length);
  return fieldset;
}

function themesEditor(id, f, values, describedBy) {
  const labels = ENUM_LABELS[f.enum] || {};
  return h('fieldset', { id, 'data-kind': 'enumList', 'aria-describedby': describedBy },
    h('legend', {}, f.label),
    h('div', { class: 'checks' }, Object.entries(labels).map(([v, label]) => h('label', {}, h('input', { type: 'checkbox', value: v, checked: (values || []).includes(v) }), label))));
}

/**
 * Builds the form. `record` gives the current values; `creating` shows the fields only a new
 * record has (slug). Returns { element, read(), showErrors(errors), clearErrors() }.
 */
export function buildForm(prefix, fields, record = {}, { creating = false } = {}) {
  const shown = fields.filter((f) => creating || !f.createOnly);
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const element = h('div', {}, summary);
  const controls = new Map();
  for (const f of shown) {
    const id = `${prefix}-${f.name}`;
    const helpId = f.help ? `${id}-help` : undefined;
    const errorId = `${id}-error`;
    const describedBy = [helpId, errorId].filter(Boolean).join(' ');
    const help = f.help ? h('p', { class: 'help', id: helpId }, f.help) : null;
    const error = h('p', { class: 'error', id: errorId, hidden: true });
    let input;
    if (ROWS[f.kind]) input = rowsEditor(id, f, record[f.name]);
    else if (f.kind === 'enumList') input = themesEditor(id, f, record[f.name], describedBy);
    else input = control(id, f, record[f.name], describedBy);
    const wrap = ROWS[f.kind] || f.kind === 'enumList'
      ? h('div', { class: 'field' }, input, help, error)
      : h('div', { class: 'field' }, h('label', { for: id }, f.label, f.required ? ' (obligatoire)' : ''), help, input, error);
    controls.set(f.name, { f, input, error, wrap });
    element.append(wrap);
  }

  function read() {
    const out = {};
    for (const [name, { f, input }] of controls) {
      if (ROWS[f.kind]) out[name] = input.readRows();
      else if (f.kind === 'enumList') out[name] = [...input.querySelectorAll('input:checked')].map((c) => c.value);
      else {
        const raw = input.value.trim();
        if (raw === '') out[name] = f.kind === 'textarea' || f.kind === 'text' || f.kind === 'url' || f.kind === 'email' ? '' : null;
        else if (f.kind === 'boolean') out[name] = raw === 'true';
        else if (f.kind === 'int') out[name] = Number.isInteger(Number(raw)) ? Number(raw) : raw;
        else if (f.kind === 'json') {
          try {
            out[name] = JSON.parse(raw);
          } catch {
            out[name] = raw;
          }
        } else out[name] = raw;
      }
    }
    return out;
  }

  function clearErrors() {
    summary.hidden = true;
    summary.replaceChildren();
    for (const { input, error } of controls.values()) {
      error.hidden = true;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
    }
  }

  /** Shows each error next to its field, and a summary linking to them; focuses the summary. */
  function showErrors(errors, fallback) {
    clearErrors();
    const items = [];
    for (const e of errors) {
      const top = String(e.field || '').split('.')[0];
      const c = controls.get(top);
      if (!c) {
        items.push(h('li', {}, e.field ? `${e.field} : ${e.message}` : e.message));
        continue;
      }
      c.error.hidden = false;
      c.error.textContent = c.error.textContent ? `${c.error.textContent} ; ${e.message}` : e.message;
      c.input.setAttribute('aria-invalid', 'true');
      items.push(h('li', {}, h('a', { href: `#${c.input.id}`, onclick: (ev) => { ev.preventDefault(); c.input.focus(); } }, `${c.f.label} : ${e.message}`)));
    }
    if (!items.length && fallback) items.push(h('li', {}, fallback));
    summary.append(h('p', {}, h('strong', {}, 'Le registre a refusé l’enregistrement :')), h('ul', {}, items));
    summary.hidden = false;
    summary.focus();
  }

  return { element, read, showErrors, clearErrors };
}
