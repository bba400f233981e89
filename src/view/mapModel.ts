/**
 * What the map shows one seat: each theatre with the forces that seat can see, and
 * the fifteen relations as line styles. Pure, so it is tested without a browser and
 * the renderer never decides what a seat may know.
 */
import { PAIRS, POWERS, type PairKey, type PowerId } from '../game/powers.js';
import type { SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { theatreName } from './names.js';

export type RelationStyle = 'allied' | 'friendly' | 'neutral' | 'cool' | 'hostile';

export interface ForcesOnMap {
  power: PowerId;
  /** Open forces, plus covert ones when they are the viewer's own. */
  count: number;
  /** How many of `count` are the viewer's own covert forces (hidden from everyone else). */
  covert: number;
}

export interface TheatreOnMap {
  id: string;
  /** The name, and the other name where one is disputed: "Sea of Japan / East Sea". */
  label: string;
  offMap: boolean;
  /** Where the scenario puts its name, [lon, lat]; null to let the map choose. */
  anchor: readonly [number, number] | null;
  forces: ForcesOnMap[];
  /** Other powers' covert forces here, without saying whose. */
  unknown: number;
  selected: boolean;
}

export interface RelationOnMap {
  a: PowerId;
  b: PowerId;
  value: number;
  style: RelationStyle;
  /** Drawn pale, so what the reveal draws over the map stands out (the relations that moved stay full). */
  faded?: true;
}

export interface MapModel {
  theatres: TheatreOnMap[];
  relations: RelationOnMap[];
}

export function relationStyle(value: number): RelationStyle {
  if (value >= 2) return 'allied';
  if (value === 1) return 'friendly';
  if (value === 0) return 'neutral';
  if (value === -1) return 'cool';
  return 'hostile';
}

export function buildMapModel(sc: Scenario, view: SeatView, selected: string | null = null): MapModel {
  const theatres = sc.theatres.map((theatre): TheatreOnMap => {
    const stacks = view.forces[theatre.id] ?? {};
    const forces: ForcesOnMap[] = [];
    for (const power of POWERS) {
      const stack = stacks[power];
      if (!stack) continue;
      // playerView already zeroes other seats' covert counts; never trust a view to have done it.
      const covert = power === view.viewer ? stack.covert : 0;
      const count = stack.open + covert;
      if (count > 0) forces.push({ power, count, covert });
    }
    return {
      id: theatre.id,
      label: theatreName(sc, theatre.id),
      offMap: theatre.offMap,
      anchor: theatre.anchor ?? null,
      forces,
      unknown: view.unknownForces[theatre.id] ?? 0,
      selected: theatre.id === selected,
    };
  });
  return { theatres, relations: relationsOnMap(view.relations) };
}

/** The fifteen relations as the map draws them; given `moved`, all others are drawn pale. */
export function relationsOnMap(relations: Record<PairKey, number>, moved?: ReadonlySet<PairKey>): RelationOnMap[] {
  return PAIRS.map((pair): RelationOnMap => {
    const [a, b] = pair.split('-') as [PowerId, PowerId];
    const value = relations[pair];
    return { a, b, value, style: relationStyle(value), ...(moved && !moved.has(pair) ? { faded: true as const } : {}) };
  });
}

/**
 * The map as everyone at the table may see it (a hot-seat screen between two people):
 * a seat's view with its own covert forces counted among the unknown ones, as its
 * neighbours see them.
 */
export function publicMapModel(sc: Scenario, view: SeatView): MapModel {
  const unknownForces = { ...view.unknownForces };
  if (view.viewer) {
    for (const [theatre, stacks] of Object.entries(view.forces)) unknownForces[theatre] = (unknownForces[theatre] ?? 0) + (stacks[view.viewer]?.covert ?? 0);
  }
  return buildMapModel(sc, { ...view, viewer: null, unknownForces });
}
