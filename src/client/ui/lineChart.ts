/**
 * A small line chart in inline SVG (no chart library): one series over the rounds,
 * with its whole range on the y axis so a reader sees how close it came to the edge.
 * The SVG carries the series in words as its accessible name; the end screen adds a
 * table of the same numbers.
 */
import { END } from '../../view/text/en-screens.js';
import { el, svg } from './screenDom.js';

export interface LineChartSpec {
  title: string;
  /** One label per point: "Start", "R1", … */
  labels: readonly string[];
  values: readonly number[];
  min: number;
  max: number;
  format: (value: number) => string;
  /** Dashed reference lines, such as the crisis threshold. */
  marks?: readonly { value: number; label: string }[];
  /** Drawn before the title (the pair's two power swatches). */
  badge?: Node;
  /**
   * Drawing units, about the CSS pixels the chart is shown at, so its 12-unit text
   * stays near 12px whether the grid gives it a wide or a narrow column.
   */
  size: { width: number; height: number };
}

const PAD = { left: 30, right: 12, top: 14, bottom: 24 };

export function lineChart(spec: LineChartSpec): HTMLElement {
  const { labels, values, min, max } = spec;
  const { width: W, height: H } = spec.size;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (labels.length - 1));
  const y = (v: number) => PAD.top + ((max - v) * (H - PAD.top - PAD.bottom)) / (max - min);
  const step = max - min <= 6 ? 1 : 2;

  const grid: SVGElement[] = [];
  // Ticks on multiples of the step, so a range that crosses zero always shows its zero line.
  for (let v = Math.ceil(min / step) * step; v <= max; v += step) {
    grid.push(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: v === 0 && min < 0 ? 'chart-zero' : 'chart-rule' }));
    grid.push(svg('text', { x: PAD.left - 6, y: y(v) + 4, class: 'chart-tick', 'text-anchor': 'end' }, spec.format(v)));
  }
  // Label every point when they fit, else every other one, always keeping the last.
  const every = labels.length * 34 > W - PAD.left - PAD.right ? 2 : 1;
  const xLabels = labels.map((label, i) =>
    i % every === 0 || i === labels.length - 1 ? svg('text', { x: x(i), y: H - 6, class: 'chart-tick', 'text-anchor': 'middle' }, label) : null,
  );
  const marks = (spec.marks ?? []).map((m) =>
    svg(
      'g',
      {},
      svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(m.value), y2: y(m.value), class: 'chart-mark' }),
      svg('text', { x: W - PAD.right, y: y(m.value) - 3, class: 'chart-mark-label', 'text-anchor': 'end' }, m.label),
    ),
  );
  const points = values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
  const description = END.series(
    spec.title,
    values.map((v, i) => ({ label: labels[i] ?? '', value: spec.format(v) })),
  );

  return el(
    'figure',
    { class: 'chart' },
    el('figcaption', {}, spec.badge ?? null, spec.title),
    svg(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': description, class: 'chart-svg' },
      ...grid,
      ...marks,
      ...xLabels,
      svg('polyline', { points, class: 'chart-line' }),
      ...values.map((v, i) => svg('circle', { cx: x(i), cy: y(v), r: 3, class: 'chart-dot' })),
    ),
  );
}
