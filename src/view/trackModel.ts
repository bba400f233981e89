/**
 * The four tracks as a person reads them: value, range, help, and the value at the end
 * of every finished round this game (for a sparkline and its text alternative).
 */
import type { Scenario } from '../scenario/schema.js';
import { TRACKS } from '../game/types.js';
import type { Readable, TrackId } from '../game/types.js';
import { TRACK_HELP, TRACK_NAME } from './text/en.js';
import { signed, TRACK_TEXT } from './text/en-game.js';

export interface TrackPoint {
  label: string;
  value: number;
}

export interface TrackModel {
  id: TrackId;
  name: string;
  help: string;
  value: number;
  min: number;
  max: number;
  /** "5"; the Front keeps its sign ("+1"). */
  valueText: string;
  /** "(range 0 to 10)". */
  rangeText: string;
  /** Start of the game, the end of every finished round, and now. */
  series: TrackPoint[];
  /** The series in words, for the sparkline's text alternative. */
  seriesText: string;
  /** Lines worth drawing on the sparkline (a crisis and war on Tension). */
  marks: TrackPoint[];
}

/** A round's record keeps its end-of-round tracks once the round is scored. */
function finishedRounds(view: Readable) {
  return view.history.filter((r) => r.round < view.round || view.step.kind === 'over');
}

export function trackModels(sc: Scenario, view: Readable): TrackModel[] {
  const finished = finishedRounds(view);
  return TRACKS.map((id) => {
    const [min, max] = sc.rules.trackRange[id];
    const show = (n: number) => (id === 'front' ? signed(n) : String(n));
    const series: TrackPoint[] = [
      { label: TRACK_TEXT.start, value: sc.tracks[id] },
      ...finished.map((r) => ({ label: TRACK_TEXT.afterRound(r.round), value: r.tracks[id] })),
    ];
    if (view.step.kind !== 'over') series.push({ label: TRACK_TEXT.now, value: view.tracks[id] });
    const marks =
      id === 'tension'
        ? [
            { label: TRACK_TEXT.crisisMark(sc.rules.crisisAt), value: sc.rules.crisisAt },
            { label: TRACK_TEXT.warMark(sc.rules.warAt), value: sc.rules.warAt },
          ]
        : [];
    return {
      id,
      name: TRACK_NAME[id],
      help: TRACK_HELP[id](sc.rules),
      value: view.tracks[id],
      min,
      max,
      valueText: show(view.tracks[id]),
      rangeText: TRACK_TEXT.range(show(min), show(max)),
      series,
      seriesText: TRACK_TEXT.historyLabel(TRACK_NAME[id], series.map((p) => TRACK_TEXT.point(p.label, show(p.value)))),
      marks,
    };
  });
}
