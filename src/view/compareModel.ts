/**
 * Parallel groups side by side: exercises of one scenario and seed (a class split in
 * two, say) started from the same deal, so their outcomes differ only by what the
 * teams did. Each column is one exercise: its final tracks, ranking and points.
 */
import { POWERS, type PowerId } from '../game/powers.js';
import { TRACKS, type TrackId } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { Debrief } from '../server/exercise/debrief.js';
import { POWER_NAME, TRACK_NAME } from './text/en.js';
import { DEBRIEF } from './text/en-debrief.js';
import { signed } from './text/en-screens.js';

/** Why another exercise cannot stand beside this one, or null when it can. */
export function notComparable(base: Debrief, other: Debrief): string | null {
  if (base.parallel === null || other.parallel === null) return DEBRIEF.compareNoSeed;
  // Control's own scenario is stored under its id and an upload's suffix ("class-variant@1a2b"): two uploads of one file are one scenario.
  const scenario = (d: Debrief) => d.scenario.id.split('@')[0];
  if (scenario(base) !== scenario(other) || base.parallel !== other.parallel) return DEBRIEF.compareOther(other.code);
  return null;
}

export interface CompareColumn {
  code: string;
  heading: string;
  tracks: Record<TrackId, string>;
  /** "1. China (14 VP)" … in order. */
  ranking: string[];
  vp: Record<PowerId, number>;
}

export interface CompareModel {
  columns: CompareColumn[];
  trackRows: { id: TrackId; name: string }[];
  powerRows: { power: PowerId; name: string }[];
}

function column(sc: Scenario, debrief: Debrief): CompareColumn {
  const last = debrief.timeline.at(-1);
  const tracks = last?.tracks ?? sc.tracks;
  const vp = last?.vp ?? (Object.fromEntries(POWERS.map((p) => [p, 0])) as Record<PowerId, number>);
  const ranking =
    debrief.result?.ranking ??
    // While it runs: by points so far.
    [...POWERS].sort((a, b) => vp[b] - vp[a]).map((power, _i, sorted) => ({ power, vp: vp[power], place: sorted.findIndex((p) => vp[p] === vp[power]) + 1 }));
  return {
    code: debrief.code,
    heading: `${DEBRIEF.compareExercise(debrief.code)}${debrief.over ? '' : ` ${DEBRIEF.compareRunning}`}`,
    tracks: Object.fromEntries(TRACKS.map((t) => [t, t === 'front' ? signed(tracks[t]) : String(tracks[t])])) as Record<TrackId, string>,
    ranking: ranking.map((r) => `${r.place}. ${POWER_NAME[r.power]} (${r.vp})`),
    vp: Object.fromEntries(POWERS.map((p) => [p, debrief.result?.ranking.find((r) => r.power === p)?.vp ?? vp[p]])) as Record<PowerId, number>,
  };
}

export function compareModel(sc: Scenario, debriefs: readonly Debrief[]): CompareModel {
  return {
    columns: debriefs.map((d) => column(sc, d)),
    trackRows: TRACKS.map((id) => ({ id, name: TRACK_NAME[id] })),
    powerRows: POWERS.map((power) => ({ power, name: POWER_NAME[power] })),
  };
}
