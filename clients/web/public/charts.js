// Charts drawn as plain SVG (no library, no inline style), each with its figures as a table:
// the picture is named for screen readers (role="img") and the table, one click away, says the same.
import { h, s } from './dom.js';

const WIDTH = 400;
const nf = (n) => n.toLocaleString('fr-FR');

/** A figure: caption, the SVG picture, and the same figures as a table in a disclosure. */
function figure(id, title, picture, table) {
  const captionId = `${id}-caption`;
  picture.setAttribute('role', 'img');
  picture.setAttribute('aria-labelledby', captionId);
  return h('figure', { class: 'chart', id },
    h('figcaption', { id: captionId }, title),
    picture,
    h('details', { class: 'chart-table' },
      h('summary', {}, 'Voir les chiffres en tableau'),
      table(captionId)),
  );
}

function countTable(captionId, rows, columns) {
  return h('table', { 'aria-labelledby': captionId },
    h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
    h('tbody', {}, rows.map(([head, ...nums]) => h('tr', {},
      h('th', { scope: 'row' }, head),
      nums.map((n) => h('td', { class: 'num' }, nf(n)))))),
  );
}

/**
 * Horizontal bars, one per `{ key, count }` (in the given order), the label above its bar.
 * `label(key)` names a value; `link(key)`, when given, makes each table label a link (a search).
 */
export function barChart(id, title, counts, { label, link, total }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const ROW = 38;
  // Room left on the right for the value and its share.
  const BAR_MAX = 280;
  const picture = s('svg', { class: 'bars', viewBox: `0 0 ${WIDTH} ${Math.max(ROW, counts.length * ROW)}`, width: '100%', focusable: 'false' },
    s('title', {}, `${title} : ${counts.slice(0, 5).map((c) => `${label(c.key) || 'Non renseigné'} ${nf(c.count)}`).join(', ')}${counts.length > 5 ? '…' : ''}`),
    counts.map((c, i) => {
      const y = i * ROW;
      const w = Math.max(2, Math.round((BAR_MAX * c.count) / max));
      return s('g', {},
        s('text', { x: 0, y: y + 13, class: 'bar-label' }, label(c.key) || 'Non renseigné'),
        s('rect', { x: 0, y: y + 18, width: w, height: 14, rx: 2, class: 'bar-fill' }),
        s('text', { x: w + 6, y: y + 30, class: 'bar-value' }, `${nf(c.count)}${total ? ` (${Math.round((100 * c.count) / total)} %)` : ''}`));
    }),
  );
  return figure(id, title, picture, (captionId) => countTable(captionId,
    counts.map((c) => [link ? h('a', { href: link(c.key) }, label(c.key) || 'Non renseigné') : label(c.key) || 'Non renseigné', c.count]),
    ['Catégorie', 'Outils']));
}

const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthText = (key) => (key.length === 4 ? key : MONTH.format(new Date(`${key}-01T00:00:00Z`)));

/**
 * `{ key: 'YYYY-MM', count }` (oldest first) as every month from the first to the last, gaps at
 * zero; by year when that spans more than three years.
 */
export function timeSeries(months) {
  if (!months.length) return [];
  const byMonth = new Map(months.map((m) => [m.key, m.count]));
  const [y0, m0] = months[0].key.split('-').map(Number);
  const [y1, m1] = months[months.length - 1].key.split('-').map(Number);
  const span = (y1 - y0) * 12 + (m1 - m0) + 1;
  if (span > 36) {
    const years = [];
    for (let y = y0; y <= y1; y++) years.push({ key: String(y), count: months.filter((m) => m.key.startsWith(`${y}-`)).reduce((n, m) => n + m.count, 0) });
    return years;
  }
  const out = [];
  for (let i = 0; i < span; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ key, count: byMonth.get(key) || 0 });
  }
  return out;
}

/** Columns over time (months or years), with the running total in the table. */
export function timeChart(id, title, months) {
  const series = timeSeries(months);
  const HEIGHT = 170;
  const BASE = 140;
  const max = Math.max(1, ...series.map((p) => p.count));
  const step = WIDTH / Math.max(1, series.length);
  const bar = Math.max(2, Math.min(40, step * 0.7));
  const picture = s('svg', { class: 'columns', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', focusable: 'false' },
    s('title', {}, series.length ? `${title} : de ${monthText(series[0].key)} à ${monthText(series[series.length - 1].key)}` : title),
    s('line', { x1: 0, y1: BASE, x2: WIDTH, y2: BASE, class: 'axis' }),
    series.map((p, i) => {
      const height = Math.round((120 * p.count) / max);
      const x = i * step + (step - bar) / 2;
      return s('g', {},
        p.count ? s('rect', { x, y: BASE - height, width: bar, height, class: 'bar-fill' }) : null,
        p.count && series.length <= 24 ? s('text', { x: x + bar / 2, y: BASE - height - 4, class: 'bar-value', 'text-anchor': 'middle' }, nf(p.count)) : null);
    }),
    series.length ? s('text', { x: 0, y: HEIGHT - 8, class: 'bar-label' }, monthText(series[0].key)) : null,
    series.length > 1 ? s('text', { x: WIDTH, y: HEIGHT - 8, class: 'bar-label', 'text-anchor': 'end' }, monthText(series[series.length - 1].key)) : null,
  );
  let running = 0;
  return figure(id, title, picture, (captionId) => countTable(captionId,
    series.map((p) => {
      running += p.count;
      return [monthText(p.key), p.count, running];
    }),
    [series.length && series[0].key.length === 4 ? 'Année' : 'Mois', 'Outils publiés', 'Total']));
}
