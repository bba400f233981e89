/**
 * Plane geometry for the map, in the asset's virtual canvas (y down): hit tests over
 * many outlines, label points, the conic projection for scenario anchors, and the
 * view (zoom and pan) that maps the canvas onto the screen. Pure, so it is tested in
 * node; the Phaser scene only calls it.
 */
import type { MapAsset, MapProjection, MapTheatre } from '../../view/mapAsset.js';

export type Point = readonly [number, number];
export type Ring = readonly Point[];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

// ---------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------

/** Even-odd ray casting against one outline (open or closed). */
export function pointInRing([x, y]: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Even-odd over all the outlines of a shape: inside one island of a group counts, a
 * hole (an outline inside another) does not. One `Geom.Polygon` could not do this.
 */
export function pointInRings(point: Point, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) if (pointInRing(point, ring)) inside = !inside;
  return inside;
}

/** Shoelace area; positive for outlines that run clockwise on screen (y down). */
export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return sum / 2;
}

export function ringCentroid(ring: Ring): Point {
  let cx = 0;
  let cy = 0;
  let twiceArea = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const f = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
    twiceArea += f;
  }
  if (twiceArea === 0) return ring[0] ?? [0, 0];
  return [cx / (3 * twiceArea), cy / (3 * twiceArea)];
}

export function boundsOf(rings: readonly Ring[]): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  if (minX > maxX) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function rectContains(rect: Rect, [x, y]: Point): boolean {
  return x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height;
}

/** Whether `inner` lies wholly inside `outer`. */
export function rectCovers(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * Where a shape's name goes: the centroid of its largest outline, or, when that falls
 * outside a bent outline (a crescent, a peninsula), the middle of the widest stretch
 * of the outline on the centroid's row.
 */
export function labelPoint(rings: readonly Ring[]): Point {
  let largest: Ring | undefined;
  for (const ring of rings) if (!largest || Math.abs(ringArea(ring)) > Math.abs(ringArea(largest))) largest = ring;
  if (!largest || largest.length === 0) return [0, 0];
  const centroid = ringCentroid(largest);
  if (pointInRing(centroid, largest)) return centroid;
  const y = centroid[1];
  const crossings: number[] = [];
  for (let i = 0, j = largest.length - 1; i < largest.length; j = i++) {
    const [xi, yi] = largest[i]!;
    const [xj, yj] = largest[j]!;
    if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  crossings.sort((a, b) => a - b);
  let best: Point = centroid;
  let widest = -1;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const width = crossings[i + 1]! - crossings[i]!;
    if (width > widest) {
      widest = width;
      best = [(crossings[i]! + crossings[i + 1]!) / 2, y];
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Theatres
// ---------------------------------------------------------------------------

/**
 * Which theatre a canvas point is in. Sea theatres reach inland (the land is drawn
 * over them), so a point on land belongs only to a land theatre or the off-map box.
 */
export class TheatreHits {
  private readonly theatres: { theatre: MapTheatre; bounds: Rect }[];
  private readonly land: { rings: readonly Ring[]; bounds: Rect }[];

  constructor(asset: MapAsset) {
    // The box is drawn over the land, so it is tested first; then land theatres, then the sea.
    const order: MapTheatre['surface'][] = ['box', 'land', 'sea'];
    this.theatres = [...asset.theatres]
      .sort((a, b) => order.indexOf(a.surface) - order.indexOf(b.surface))
      .map((theatre) => ({ theatre, bounds: boundsOf(theatre.rings) }));
    this.land = asset.countries.map((c) => ({ rings: c.rings, bounds: boundsOf(c.rings) }));
  }

  bounds(id: string): Rect | null {
    return this.theatres.find((t) => t.theatre.id === id)?.bounds ?? null;
  }

  contains(id: string, point: Point): boolean {
    const entry = this.theatres.find((t) => t.theatre.id === id);
    if (!entry || !rectContains(entry.bounds, point) || !pointInRings(point, entry.theatre.rings)) return false;
    if (entry.theatre.surface !== 'sea') return true;
    return !this.onLand(point);
  }

  at(point: Point): string | null {
    return this.theatres.find(({ theatre }) => this.contains(theatre.id, point))?.theatre.id ?? null;
  }

  private onLand(point: Point): boolean {
    return this.land.some(({ rings, bounds }) => rectContains(bounds, point) && pointInRings(point, rings));
  }
}

/**
 * Where a theatre's name and counters go: the scenario's anchor ([lon, lat]) when it
 * gives one, else the middle of the region's largest outline. The off-map box ignores
 * anchors: it is not geography.
 */
export function theatreAnchor(asset: MapAsset, id: string, anchor: readonly [number, number] | null): Point | null {
  const region = asset.theatres.find((t) => t.id === id);
  if (region?.surface === 'box') return labelPoint(region.rings);
  if (anchor) return projectLonLat(asset.projection, anchor[0], anchor[1]);
  return region ? labelPoint(region.rings) : null;
}

// ---------------------------------------------------------------------------
// Projection
// ---------------------------------------------------------------------------

/**
 * [lon, lat] → canvas, the same Lambert conformal conic d3-geo fitted at build time
 * (d3's conicConformalRaw, then the stored scale and offset). Lets scenario anchors
 * be written in degrees without shipping d3 to the browser.
 */
export function projectLonLat(projection: MapProjection, lon: number, lat: number): Point {
  const radians = Math.PI / 180;
  const tany = (phi: number) => Math.tan((Math.PI / 2 + phi) / 2);
  const [p0, p1] = projection.parallels.map((p) => p * radians) as [number, number];
  const n = Math.log(Math.cos(p0) / Math.cos(p1)) / Math.log(tany(p1) / tany(p0));
  const f = (Math.cos(p0) * Math.pow(tany(p0), n)) / n;
  const lambda = (lon - projection.centralMeridian) * radians;
  const r = f / Math.pow(tany(lat * radians), n);
  const x = r * Math.sin(n * lambda);
  const y = f - r * Math.cos(n * lambda);
  return [projection.dx + projection.k * x, projection.dy - projection.k * y];
}

// ---------------------------------------------------------------------------
// The view: which part of the canvas is on screen, and how large
// ---------------------------------------------------------------------------

/** `scale` CSS pixels per canvas unit, with canvas point (cx, cy) at the middle of the viewport. */
export interface View {
  scale: number;
  cx: number;
  cy: number;
}

export interface ZoomLimits {
  min: number;
  max: number;
}

/** The scale at which the whole canvas fits the viewport. */
export function fitScale(map: Size, viewport: Size): number {
  if (map.width <= 0 || map.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return 1;
  return Math.min(viewport.width / map.width, viewport.height / map.height);
}

/** From the whole map to `maxZoom` times closer. */
export function zoomLimits(map: Size, viewport: Size, maxZoom: number): ZoomLimits {
  const min = fitScale(map, viewport);
  return { min, max: min * maxZoom };
}

export function fitView(map: Size, viewport: Size): View {
  return { scale: fitScale(map, viewport), cx: map.width / 2, cy: map.height / 2 };
}

/**
 * Keeps the scale within limits and the map on screen: along an axis where the map
 * is smaller than the viewport it is centred, otherwise no gap may open at its edges.
 */
export function clampView(view: View, map: Size, viewport: Size, limits: ZoomLimits): View {
  const scale = Math.min(limits.max, Math.max(limits.min, view.scale));
  const clampAxis = (centre: number, mapLength: number, viewportLength: number) => {
    const half = viewportLength / scale / 2;
    if (half * 2 >= mapLength) return mapLength / 2;
    return Math.min(mapLength - half, Math.max(half, centre));
  };
  return {
    scale,
    cx: clampAxis(view.cx, map.width, viewport.width),
    cy: clampAxis(view.cy, map.height, viewport.height),
  };
}

export function worldToScreen(view: View, viewport: Size, [x, y]: Point): Point {
  return [(x - view.cx) * view.scale + viewport.width / 2, (y - view.cy) * view.scale + viewport.height / 2];
}

export function screenToWorld(view: View, viewport: Size, [x, y]: Point): Point {
  return [(x - viewport.width / 2) / view.scale + view.cx, (y - viewport.height / 2) / view.scale + view.cy];
}

/** Zoom by `factor` keeping the canvas point under `at` (screen) where it is. */
export function zoomAt(view: View, factor: number, at: Point, viewport: Size): View {
  const [wx, wy] = screenToWorld(view, viewport, at);
  const scale = view.scale * factor;
  return {
    scale,
    cx: wx - (at[0] - viewport.width / 2) / scale,
    cy: wy - (at[1] - viewport.height / 2) / scale,
  };
}

/** Move the map with the pointer: a drag of (dx, dy) screen pixels. */
export function panBy(view: View, dx: number, dy: number): View {
  return { scale: view.scale, cx: view.cx - dx / view.scale, cy: view.cy - dy / view.scale };
}

/** The part of the canvas on screen. */
export function visibleRect(view: View, viewport: Size): Rect {
  const width = viewport.width / view.scale;
  const height = viewport.height / view.scale;
  return { x: view.cx - width / 2, y: view.cy - height / 2, width, height };
}

/** A rect grown by `fraction` of its size on every side, then cut to `bounds`. */
export function growRect(rect: Rect, fraction: number, bounds: Rect): Rect {
  const x0 = Math.max(bounds.x, rect.x - rect.width * fraction);
  const y0 = Math.max(bounds.y, rect.y - rect.height * fraction);
  const x1 = Math.min(bounds.x + bounds.width, rect.x + rect.width * (1 + fraction));
  const y1 = Math.min(bounds.y + bounds.height, rect.y + rect.height * (1 + fraction));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

export function lerpView(from: View, to: View, t: number): View {
  // Interpolating the scale geometrically keeps the zoom speed even.
  return {
    scale: from.scale * Math.pow(to.scale / from.scale, t),
    cx: from.cx + (to.cx - from.cx) * t,
    cy: from.cy + (to.cy - from.cy) * t,
  };
}
