/**
 * The board in words: the fifteen relations grouped by the two triangles, and every
 * theatre with the forces standing in it as this seat sees them (others' hidden forces
 * only as "unknown units"). This is the DOM mirror of the map for screen readers.
 */
import { catalog } from '../game/catalog.js';
import { PAIRS, POWERS, type PairKey, type PowerId } from '../game/powers.js';
import type { Readable } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { theatreName } from './names.js';
import { POWER_NAME } from './text/en.js';
import { RELATION_TEXT, signed, THEATRE_TEXT } from './text/en-game.js';

export interface RelationRow {
  key: PairKey;
  a: PowerId;
  b: PowerId;
  label: string;
  value: number;
  valueText: string;
  word: string;
}

export interface RelationGroup {
  label: string;
  rows: RelationRow[];
}

export function relationGroups(sc: Scenario, view: Readable): RelationGroup[] {
  const bloc = catalog(sc).bloc;
  const rows = PAIRS.map((key) => {
    const [a, b] = key.split('-') as [PowerId, PowerId];
    const value = view.relations[key];
    return { key, a, b, label: RELATION_TEXT.pair(POWER_NAME[a], POWER_NAME[b]), value, valueText: signed(value), word: RELATION_TEXT.word(value) };
  });
  const inside = (side: 'north' | 'south') => rows.filter((r) => bloc(r.a) === side && bloc(r.b) === side);
  return [
    { label: RELATION_TEXT.north, rows: inside('north') },
    { label: RELATION_TEXT.south, rows: inside('south') },
    { label: RELATION_TEXT.across, rows: rows.filter((r) => bloc(r.a) !== bloc(r.b)) },
  ];
}

export interface TheatreStack {
  power: PowerId;
  name: string;
  count: number;
  /** Of those, this seat's own hidden forces (others' hidden forces are never attributed). */
  hidden: number;
}

export interface TheatreModel {
  id: string;
  name: string;
  offMap: boolean;
  stacks: TheatreStack[];
  unknown: number;
  /** Everything standing there in one line: "North Korea 3, South Korea 2, 1 unknown unit". */
  summary: string;
}

export function theatreModels(sc: Scenario, view: Readable): TheatreModel[] {
  return sc.theatres.map((theatre) => {
    const here = view.forces[theatre.id] ?? {};
    const stacks: TheatreStack[] = [];
    for (const power of POWERS) {
      const stack = here[power];
      const count = stack ? stack.open + stack.covert : 0;
      if (count > 0) stacks.push({ power, name: POWER_NAME[power], count, hidden: stack?.covert ?? 0 });
    }
    const unknown = 'unknownForces' in view ? (view.unknownForces[theatre.id] ?? 0) : 0;
    const parts = stacks.map((s) => THEATRE_TEXT.stack(s.name, s.count) + (s.hidden ? ` (${THEATRE_TEXT.covertOwn(s.hidden)})` : ''));
    if (unknown > 0) parts.push(THEATRE_TEXT.unknown(unknown));
    return {
      id: theatre.id,
      name: theatreName(sc, theatre.id),
      offMap: theatre.offMap,
      stacks,
      unknown,
      summary: parts.length ? parts.join(', ') : THEATRE_TEXT.empty,
    };
  });
}
