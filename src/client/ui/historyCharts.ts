/**
 * The charts of a game's history (historyModel.ts) as a section: the four tracks, the
 * relations in groups, and their numbers as tables for screen readers and for anyone
 * who wants exact values. The end screen and the classroom debrief both show it.
 */
import type { ChartSeries, HistoryCharts } from '../../view/historyModel.js';
import { POWER_STYLE } from '../../view/palette.js';
import { END } from '../../view/text/en-screens.js';
import { lineChart } from './lineChart.js';
import { el, powerSwatch } from './screenDom.js';

/** Chart sizes for the two-column track grid and the three-column relation grid (see styles.css). */
const TRACK_CHART = { width: 540, height: 200 };
const RELATION_CHART = { width: 350, height: 170 };

export function historyChartsSection(charts: HistoryCharts, words: { title: string; relationsTitle: string }): HTMLElement {
  const { labels } = charts;
  return el(
    'section',
    { class: 'panel', 'aria-labelledby': 'charts-title', 'data-testid': 'history-charts' },
    el('h2', { id: 'charts-title' }, words.title),
    el('h3', {}, END.tracksTitle),
    el('div', { class: 'chart-grid tracks' }, ...charts.tracks.map((t) => lineChart({ title: t.name, labels, ...t, size: TRACK_CHART }))),
    numbers(labels, charts.tracks),
    el('h3', {}, words.relationsTitle),
    el('p', { class: 'hint' }, END.relationsHint),
    ...charts.relations.flatMap((group) => [
      el('h4', {}, group.label),
      el(
        'div',
        { class: 'chart-grid relations' },
        ...group.series.map((r) =>
          lineChart({
            title: r.name,
            labels,
            ...r,
            size: RELATION_CHART,
            badge: r.pair ? el('span', { class: 'pair-badge' }, powerSwatch(POWER_STYLE[r.pair[0]], 14), powerSwatch(POWER_STYLE[r.pair[1]], 14)) : undefined,
          }),
        ),
      ),
    ]),
    numbers(labels, charts.relations.flatMap((g) => g.series)),
  );
}

/** The charts' numbers as a table. */
function numbers(labels: readonly string[], series: readonly ChartSeries[]): HTMLElement {
  return el(
    'details',
    { class: 'chart-table' },
    el('summary', {}, END.showTable),
    el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, el('td', {}), ...labels.map((l) => el('th', { scope: 'col', class: 'num' }, l)))),
        el('tbody', {}, ...series.map((s) => el('tr', {}, el('th', { scope: 'row' }, s.name), ...s.values.map((v) => el('td', { class: 'num' }, s.format(v)))))),
      ),
    ),
  );
}
