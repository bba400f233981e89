/** The four tracks: value and range, a sparkline of this game so far, and what the track means. */
import type { TrackModel } from '../../../view/trackModel.js';
import { PANEL } from '../../../view/text/en-game.js';
import { el, svg } from '../screenDom.js';
import { panel } from './dom.js';

const W = 140;
const H = 36;
const PAD = 3;

/** A small line over the track's whole range, so a reader sees how close it came to the edge. */
function sparkline(track: TrackModel): SVGSVGElement {
  const { series, min, max } = track;
  const x = (i: number) => PAD + (series.length <= 1 ? W - 2 * PAD : (i * (W - 2 * PAD)) / (series.length - 1));
  const y = (v: number) => PAD + ((max - v) * (H - 2 * PAD)) / (max - min);
  const points = series.map((p, i) => `${x(i)},${y(p.value)}`).join(' ');
  const last = series[series.length - 1];
  return svg(
    'svg',
    { class: 'sparkline', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': track.seriesText },
    svg('rect', { x: 0, y: 0, width: W, height: H, rx: 4, class: 'spark-bg' }),
    ...track.marks.map((m) => svg('line', { x1: PAD, x2: W - PAD, y1: y(m.value), y2: y(m.value), class: 'spark-mark' })),
    min < 0 ? svg('line', { x1: PAD, x2: W - PAD, y1: y(0), y2: y(0), class: 'spark-zero' }) : null,
    series.length > 1 ? svg('polyline', { points, class: 'spark-line' }) : null,
    last ? svg('circle', { cx: x(series.length - 1), cy: y(last.value), r: 3, class: 'spark-dot' }) : null,
  );
}

export function tracksPanel(tracks: readonly TrackModel[]): HTMLElement {
  return panel(
    'tracks',
    PANEL.tracks,
    { 'data-testid': 'tracks', class: 'tracks-panel' },
    el(
      'ul',
      { class: 'track-list' },
      ...tracks.map((t) =>
        el(
          'li',
          { class: `track track-${t.id}`, 'data-track': t.id },
          el(
            'div',
            { class: 'track-head' },
            el('span', { class: 'track-name' }, t.name),
            el('span', { class: 'track-value' }, t.valueText),
            el('span', { class: 'track-range' }, t.rangeText),
          ),
          sparkline(t),
          el('p', { class: 'track-help' }, t.help),
        ),
      ),
    ),
  );
}
