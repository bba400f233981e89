/**
 * The shape of `assets/map/east-asia.json`, the pre-projected map written by
 * `src/cli/buildMap.ts` and drawn by `src/client/map`. Every coordinate is in the
 * asset's virtual canvas (`width` × `height` units, y pointing down); rings are open
 * (the last point joins the first) and a shape is drawn with the even-odd rule over
 * all its rings, so island groups and holes need no special case.
 */
import type { PowerId } from '../game/powers.js';

export type MapPoint = [number, number];
export type MapRing = MapPoint[];

/**
 * Lambert conformal conic, as d3-geo's `geoConicConformal` with the fitted scale:
 * screen = [dx + k·x, dy − k·y] for the raw projection (x, y) of (lon − rotate, lat).
 * Kept so the client can place scenario anchors ([lon, lat]) without shipping d3.
 */
export interface MapProjection {
  name: 'conicConformal';
  /** Central meridian, degrees east. */
  centralMeridian: number;
  /** Standard parallels, degrees north. */
  parallels: [number, number];
  k: number;
  dx: number;
  dy: number;
}

export interface MapCountry {
  /** ISO 3166 alpha-3 (our powers use theirs). */
  id: string;
  /** Natural Earth's name, for reference; what players read comes from the text module. */
  name: string;
  /** Set when the country is one of the six powers, so it is tinted in that power's colour. */
  power: PowerId | null;
  rings: MapRing[];
  /** Where its name goes when the middle of its largest outline is a poor spot (Honshu's is on the coast). */
  label?: MapPoint;
}

export interface MapTheatre {
  id: string;
  /**
   * `sea` regions reach inland and are drawn under the land, so the coast cuts them
   * exactly; `land` regions are already cut to the land; `box` is an off-map panel.
   */
  surface: 'sea' | 'land' | 'box';
  rings: MapRing[];
  /** Which side of the name its counters go, where below would cover a capital (the DMZ). */
  counters: 'below' | 'right';
}

export interface MapPlace {
  power: PowerId;
  x: number;
  y: number;
  /** Off-map capitals sit on the edge of the map that faces them. */
  edge: 'west' | 'east' | null;
  /** Which side of the marker the name goes, away from crowded neighbours. */
  side: 'left' | 'right' | 'below';
}

export interface MapLabel {
  /** A key of MAP_TEXT.label. */
  id: string;
  kind: 'sea' | 'islet';
  x: number;
  y: number;
}

export interface MapAsset {
  width: number;
  height: number;
  projection: MapProjection;
  countries: MapCountry[];
  /** Land borders between countries, as open polylines (drawn over the coastlines). */
  borders: MapRing[];
  /** Parallels and meridians every 10°, as open polylines. */
  graticule: MapRing[];
  theatres: MapTheatre[];
  places: MapPlace[];
  labels: MapLabel[];
}
