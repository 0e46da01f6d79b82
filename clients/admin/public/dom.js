// DOM helpers. Every text from the data goes through text nodes, never HTML.

/** h('a', { href: '#/', class: 'x' }, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'value') el.value = value;
    else if (name === 'checked') el.checked = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false || child === '') continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the view, sets the page title and moves the focus to the heading (screen readers hear the change). */
export function show(title, ...children) {
  document.title = `${title} — back-office BibIA`;
  const heading = h('h1', { tabindex: '-1' }, title);
  document.getElementById('view').replaceChildren(heading, ...children.flat(Infinity).filter(Boolean));
  heading.focus();
}

/** Says something in the live region. */
export function say(text) {
  document.getElementById('status').textContent = text;
}

export function table(caption, headers, rows) {
  // A wide table scrolls on a phone: its box takes the focus, so the keyboard can scroll it.
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c)))))));
}

export const formatDate = (iso) => (iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'medium', timeStyle: 'short' }) : '');
