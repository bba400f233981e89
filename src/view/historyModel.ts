/**
 * The charts of a game's history: the four tracks and relations between powers, from
 * the start and at the end of every finished round. The end screen draws them from a
 * seat's view and the classroom debrief from the stored match; both keep the same
 * per-round numbers (a RoundRecord's tracks and relations).
 */
import { RELATION_RANGE } from '../game/mechanics.js';
import { startingRelations } from '../game/setup.js';
import { pairKey, type PairKey, type PowerId } from '../game/powers.js';
import { TRACKS, type Tracks } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { POWER_NAME, TRACK_NAME } from './text/en.js';
import { TRACK_TEXT } from './text/en-game.js';
import { END, signed } from './text/en-screens.js';

/** What a chart needs of one finished round. */
export interface RoundNumbers {
  round: number;
  tracks: Tracks;
  relations: Record<PairKey, number>;
}

export interface ChartSeries {
  name: string;
  values: number[];
  min: number;
  max: number;
  format: (value: number) => string;
  /** Dashed lines worth drawing (a crisis and war on Tension). */
  marks: { value: number; label: string }[];
  /** The two powers of a relation, for their swatches. */
  pair?: readonly [PowerId, PowerId];
}

export interface PairGroup {
  label: string;
  pairs: readonly (readonly [PowerId, PowerId])[];
}

export interface HistoryCharts {
  /** "Start", "R1", "R2"… */
  labels: string[];
  tracks: ChartSeries[];
  relations: { label: string; series: ChartSeries[] }[];
}

export function historyCharts(sc: Scenario, rounds: readonly RoundNumbers[], groups: readonly PairGroup[]): HistoryCharts {
  const start = startingRelations(sc);
  return {
    labels: [END.start, ...rounds.map((r) => END.round(r.round))],
    tracks: TRACKS.map((id) => {
      const [min, max] = sc.rules.trackRange[id];
      return {
        name: TRACK_NAME[id],
        values: [sc.tracks[id], ...rounds.map((r) => r.tracks[id])],
        min,
        max,
        format: id === 'front' ? signed : String,
        marks:
          id === 'tension'
            ? [
                { label: TRACK_TEXT.crisisMark(sc.rules.crisisAt), value: sc.rules.crisisAt },
                { label: TRACK_TEXT.warMark(sc.rules.warAt), value: sc.rules.warAt },
              ]
            : [],
      };
    }),
    relations: groups.map((group) => ({
      label: group.label,
      series: group.pairs.map(([a, b]) => ({
        pair: [a, b] as const,
        name: `${POWER_NAME[a]} – ${POWER_NAME[b]}`,
        values: [start[pairKey(a, b)], ...rounds.map((r) => r.relations[pairKey(a, b)])],
        min: RELATION_RANGE[0],
        max: RELATION_RANGE[1],
        format: signed,
        marks: [],
      })),
    })),
  };
}
