/**
 * npm run build:map
 *
 * Pre-projects the East Asia map into `assets/map/east-asia.json`, a small committed
 * asset the client draws without d3 or the 750 kB world file. Natural Earth 50m
 * (via world-atlas) keeps Jeju, Okinawa and the Kurils that 110m drops.
 *
 * Steps: simplify the shared arcs of the topology once (so neighbours keep exactly the
 * same border), keep the countries that reach into the frame, project them with a
 * Lambert conformal conic clipped to the virtual canvas, round to 0.1 unit; then cut
 * the theatres of `assets/map/theatres.geo.json` (sea regions to the canvas, land
 * regions to their countries' land) and place capitals and sea labels.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoBounds, geoConicConformal, geoGraticule, geoPath } from 'd3-geo';
import type { GeoPermissibleObjects, GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { isPowerId, type PowerId } from '../game/powers.js';
import type { MapAsset, MapCountry, MapLabel, MapPlace, MapPoint, MapRing, MapTheatre } from '../view/mapAsset.js';
import { loadScenarioOrExit } from './loadScenario.js';

const OUT = 'assets/map/east-asia.json';
const THEATRES = 'assets/map/theatres.geo.json';
const SCENARIO = 'scenarios/2024-northern-triangle.yaml';

const WIDTH = 2000;
const HEIGHT = 1600;
/** The part of the world the canvas must show, [west, south, east, north] in degrees. */
const FRAME = { west: 110, south: 21.5, east: 150, north: 51 };
/** Through the middle of the Korean peninsula, so it stands upright. */
const CENTRAL_MERIDIAN = 128;
/** Standard parallels for East Asia (as China's own Lambert maps use). */
const PARALLELS: [number, number] = [25, 47];
/** Douglas–Peucker tolerance and the smallest island kept, in canvas units (1 unit ≈ 2 km). */
const SIMPLIFY = 0.7;
const MIN_RING_AREA = 6;
/** Where off-map capitals and the off-map box sit, in canvas units from the edge. */
const EDGE_INSET = 40;
const BOX = { x: 24, y: 24, width: 360, height: 200 };

/** ISO 3166 numeric (world-atlas ids) → the country we draw it as. Hong Kong and Macao belong to China's tint. */
const COUNTRY_OF: Record<string, string> = {
  '156': 'CHN', '344': 'CHN', '446': 'CHN',
  '643': 'RUS', '408': 'PRK', '410': 'KOR', '392': 'JPN',
  '840': 'USA', '316': 'USA', '580': 'USA',
  '496': 'MNG', '158': 'TWN', '704': 'VNM', '418': 'LAO', '608': 'PHL', '104': 'MMR',
  '764': 'THA', '398': 'KAZ', '356': 'IND', '064': 'BTN', '524': 'NPL', '050': 'BGD',
};

/** Capitals of the powers on the map, [lon, lat], and the side their name goes (the Koreas' keep clear of the DMZ's name between them). */
const CAPITALS: { power: PowerId; at: [number, number]; side: MapPlace['side'] }[] = [
  { power: 'CHN', at: [116.4, 39.9], side: 'right' },
  { power: 'PRK', at: [125.75, 39.02], side: 'left' },
  { power: 'KOR', at: [126.98, 37.57], side: 'below' },
  { power: 'JPN', at: [139.69, 35.69], side: 'right' },
];
/** Country names placed by hand where the middle of the largest outline is a poor spot, [lon, lat]. */
const COUNTRY_LABELS: Record<string, [number, number]> = {
  JPN: [140.1, 38.0],
};
/**
 * Capitals off the map: a marker on the edge that faces them, `along` that edge from
 * the top (0) to the bottom (1). Schematic, not geographic: Moscow sits just under the
 * Ukraine Front box, Washington across the Pacific.
 */
const OFF_MAP_CAPITALS: { power: PowerId; edge: 'west' | 'east'; along: number }[] = [
  { power: 'RUS', edge: 'west', along: 0.2 },
  { power: 'USA', edge: 'east', along: 0.42 },
];

/** Labels for waters and disputed islets that are not theatres, [lon, lat]; words live in MAP_TEXT.label. */
const LABELS: { id: string; kind: MapLabel['kind']; at: [number, number] }[] = [
  { id: 'okhotsk', kind: 'sea', at: [147.5, 49.5] },
  { id: 'philippineSea', kind: 'sea', at: [131, 23] },
  { id: 'southChinaSea', kind: 'sea', at: [115.5, 21.0] },
  { id: 'dokdo', kind: 'islet', at: [131.87, 37.24] },
  { id: 'senkaku', kind: 'islet', at: [123.5, 25.75] },
  { id: 'kurils', kind: 'islet', at: [146.2, 44.2] },
];

// ---------------------------------------------------------------------------

const require = createRequire(import.meta.url);
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
type CountryGeometry = GeometryObject & { id?: string; properties?: { name?: string } };
const countriesObject = world.objects['countries'] as GeometryObject & { geometries: CountryGeometry[] };

const projection = fitProjection();
const simplified = simplifyTopology(world, projection);

const countries = buildCountries();
const asset: MapAsset = {
  width: WIDTH,
  height: HEIGHT,
  projection: {
    name: 'conicConformal',
    centralMeridian: CENTRAL_MERIDIAN,
    parallels: PARALLELS,
    ...affineOf(projection),
  },
  countries,
  borders: buildBorders(),
  graticule: projectLines(geoGraticule().step([10, 10]).extent([[90, 10], [170, 70]])()),
  theatres: buildTheatres(countries),
  places: buildPlaces(),
  labels: LABELS.map(({ id, kind, at }) => ({ id, kind, ...pointAt(at) })),
};
checkAgainstScenario(asset);

const json = JSON.stringify(asset);
writeFileSync(OUT, `${json}\n`);
console.log(
  `${OUT}: ${(json.length / 1024).toFixed(1)} kB, ${asset.countries.length} countries (${asset.countries.map((c) => c.id).join(' ')}), ` +
    `${pointCount(asset)} points, theatres ${asset.theatres.map((t) => t.id).join(' ')}`,
);

// ---------------------------------------------------------------------------
// Projection
// ---------------------------------------------------------------------------

function fitProjection(): GeoProjection {
  // Fit to points along the frame's edges: the conic bends parallels, so corners alone would cut the arcs.
  const edge: Position[] = [];
  for (let i = 0; i <= 20; i++) {
    const lon = FRAME.west + ((FRAME.east - FRAME.west) * i) / 20;
    const lat = FRAME.south + ((FRAME.north - FRAME.south) * i) / 20;
    edge.push([lon, FRAME.south], [lon, FRAME.north], [FRAME.west, lat], [FRAME.east, lat]);
  }
  return geoConicConformal()
    .rotate([-CENTRAL_MERIDIAN, 0])
    .parallels(PARALLELS)
    .fitExtent([[0, 0], [WIDTH, HEIGHT]], { type: 'MultiPoint', coordinates: edge })
    .clipExtent([[0, 0], [WIDTH, HEIGHT]])
    .precision(0.3);
}

/** The fitted projection as `[dx + k·x, dy − k·y]` of d3's raw conic, so the client can project without d3. */
function affineOf(p: GeoProjection): { k: number; dx: number; dy: number } {
  const k = p.scale();
  const raw = conicConformalRaw(PARALLELS);
  const probe: [number, number] = [CENTRAL_MERIDIAN + 7, 41];
  const [rx, ry] = raw(((probe[0] - CENTRAL_MERIDIAN) * Math.PI) / 180, (probe[1] * Math.PI) / 180);
  const [sx, sy] = p(probe)!;
  const affine = { k, dx: sx - k * rx, dy: sy + k * ry };
  // The formula must reproduce d3 everywhere on the map, not just at the probe.
  for (const check of [[FRAME.west, FRAME.south], [FRAME.east, FRAME.north], [127, 38]] as [number, number][]) {
    const [cx, cy] = raw(((check[0] - CENTRAL_MERIDIAN) * Math.PI) / 180, (check[1] * Math.PI) / 180);
    const [ex, ey] = p(check)!;
    if (Math.hypot(affine.dx + k * cx - ex, affine.dy - k * cy - ey) > 1e-6) throw new Error('projection affine does not match d3');
  }
  return affine;
}

/** d3-geo's conicConformalRaw for two distinct parallels (the client keeps a copy in geometry.ts). */
function conicConformalRaw([p0, p1]: [number, number]): (lambda: number, phi: number) => [number, number] {
  const y0 = (p0 * Math.PI) / 180;
  const y1 = (p1 * Math.PI) / 180;
  const tany = (y: number) => Math.tan((Math.PI / 2 + y) / 2);
  const cy0 = Math.cos(y0);
  const n = Math.log(cy0 / Math.cos(y1)) / Math.log(tany(y1) / tany(y0));
  const f = (cy0 * Math.pow(tany(y0), n)) / n;
  return (lambda, phi) => {
    const r = f / Math.pow(tany(phi), n);
    return [r * Math.sin(n * lambda), f - r * Math.cos(n * lambda)];
  };
}

function pointAt(lonLat: [number, number]): { x: number; y: number } {
  const [x, y] = projection(lonLat)!;
  return { x: round(x), y: round(y) };
}

// ---------------------------------------------------------------------------
// Countries and borders
// ---------------------------------------------------------------------------

/**
 * Douglas–Peucker on every arc of the topology, measured in canvas units but keeping
 * the original lon/lat, so two countries that share an arc share its simplification.
 */
function simplifyTopology(topology: Topology, p: GeoProjection): Topology {
  const transform = topology.transform;
  if (!transform) throw new Error('expected a quantized topology');
  const [sx, sy] = transform.scale;
  const [tx, ty] = transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const lonLat = arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return [x * sx + tx, y * sy + ty] as [number, number];
    });
    const flat = lonLat.map((point) => p(point) ?? [NaN, NaN]);
    return douglasPeucker(flat, SIMPLIFY).map((i) => lonLat[i]!);
  });
  // Without a transform, topojson reads arcs as absolute positions.
  return { type: 'Topology', objects: topology.objects, arcs };
}

function buildCountries(): MapCountry[] {
  const byId = new Map<string, MapCountry>();
  for (const geometry of countriesObject.geometries) {
    const shape = feature(simplified, geometry) as Feature<Polygon | MultiPolygon | null>;
    if (!shape.geometry) continue;
    const rings = projectPolygons(shape.geometry);
    if (rings.length === 0) continue;
    const name = geometry.properties?.name ?? '';
    const id = COUNTRY_OF[geometry.id ?? ''] ?? name.toLowerCase().replace(/[^a-z]+/g, '-');
    const country = byId.get(id);
    // Hong Kong and Macao join China's outline and keep China's name, whichever comes first.
    if (country) country.rings.push(...rings);
    else byId.set(id, { id, name: id === 'CHN' ? 'China' : name, power: isPowerId(id) ? id : null, rings });
  }
  for (const [id, at] of Object.entries(COUNTRY_LABELS)) {
    const country = byId.get(id);
    if (country) country.label = [pointAt(at).x, pointAt(at).y];
  }
  return [...byId.values()].sort((a, b) => Number(b.power !== null) - Number(a.power !== null) || a.id.localeCompare(b.id));
}

/** Land borders between two different countries we draw (Hong Kong–China is not one). */
function buildBorders(): MapRing[] {
  const groupOf = (g: GeometryObject) => COUNTRY_OF[(g as { id?: string }).id ?? ''] ?? (g as { id?: string }).id;
  return projectLines(mesh(simplified, countriesObject, (a, b) => a !== b && groupOf(a) !== groupOf(b)));
}

/** Polygons whose outline is wound backwards cover nearly the whole sphere and would fill the canvas: drop them. */
function projectPolygons(geometry: Polygon | MultiPolygon): MapRing[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings: MapRing[] = [];
  for (const coordinates of polygons) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    if (geoArea(polygon) > 2 * Math.PI) continue;
    if (!nearFrame(polygon)) continue;
    for (const ring of recordPath(polygon, true)) {
      if (ring.length >= 3 && Math.abs(ringArea(ring)) >= MIN_RING_AREA) rings.push(ring);
    }
  }
  return rings;
}

/** A cheap first cut, so the far side of the world never reaches the projection. */
function nearFrame(polygon: Polygon): boolean {
  const [[west, south], [east, north]] = geoBounds(polygon);
  if (north < FRAME.south - 15 || south > FRAME.north + 25) return false;
  // Bounds that cross the antimeridian (Russia) come back with west > east.
  return west > east || (east > FRAME.west - 20 && west < FRAME.east + 20);
}

function projectLines(lines: GeoPermissibleObjects): MapRing[] {
  return recordPath(lines, false).filter((line) => line.length >= 2);
}

/** Runs d3's projection, clipping and resampling, and records the outlines it draws, rounded and simplified. */
function recordPath(object: GeoPermissibleObjects, closed: boolean): MapRing[] {
  const paths: MapPoint[][] = [];
  let current: MapPoint[] = [];
  const context = {
    moveTo(x: number, y: number) {
      current = [[x, y]];
      paths.push(current);
    },
    lineTo(x: number, y: number) {
      current.push([x, y]);
    },
    closePath() {},
    arc() {},
    beginPath() {},
  };
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(object);
  return paths.map((path) => {
    const kept = douglasPeucker(path, SIMPLIFY).map((i) => [round(path[i]![0]), round(path[i]![1])] as MapPoint);
    const deduped = kept.filter((pt, i) => i === 0 || pt[0] !== kept[i - 1]![0] || pt[1] !== kept[i - 1]![1]);
    const last = deduped[deduped.length - 1];
    if (closed && last && deduped.length > 1 && last[0] === deduped[0]![0] && last[1] === deduped[0]![1]) deduped.pop();
    return deduped;
  });
}

// ---------------------------------------------------------------------------
// Theatres, places
// ---------------------------------------------------------------------------

interface TheatreProperties {
  id: string;
  surface: MapTheatre['surface'];
  clipTo?: string[];
  counters?: MapTheatre['counters'];
}

/**
 * Theatre outlines join their projected vertices with straight lines: sea regions are
 * cut to the canvas (their inland edges are hidden under the land when drawn); land
 * regions must be convex and are cut out of their countries' land, so the coast and
 * the borders are exact.
 */
function buildTheatres(drawn: MapCountry[]): MapTheatre[] {
  const collection = JSON.parse(readFileSync(THEATRES, 'utf8')) as FeatureCollection<Polygon | null, TheatreProperties>;
  const canvas: MapRing = [[0, 0], [WIDTH, 0], [WIDTH, HEIGHT], [0, HEIGHT]];
  return collection.features.map(({ properties: { id, surface, clipTo, counters = 'below' }, geometry }): MapTheatre => {
    if (surface === 'box') {
      const { x, y, width, height } = BOX;
      return { id, surface, counters, rings: [[[x, y], [x + width, y], [x + width, y + height], [x, y + height]]] };
    }
    if (!geometry) throw new Error(`${THEATRES}: ${id} needs a polygon`);
    const outline = geometry.coordinates[0]!.slice(0, -1).map((lonLat) => projection(lonLat as [number, number])! as MapPoint);
    if (surface === 'sea') return { id, surface, counters, rings: roundRings([clipToConvex(outline, canvas)]) };
    if (!isConvex(outline)) throw new Error(`${THEATRES}: land theatre ${id} must be convex`);
    const land = drawn.filter((c) => clipTo?.includes(c.id)).flatMap((c) => c.rings);
    if (land.length === 0) throw new Error(`${THEATRES}: ${id} is cut to no country we draw (clipTo: ${clipTo})`);
    const rings = land.map((ring) => clipToConvex(ring, outline)).filter((ring) => Math.abs(ringArea(ring)) >= MIN_RING_AREA);
    return { id, surface, counters, rings: roundRings(rings) };
  });
}

function buildPlaces(): MapPlace[] {
  const onMap = CAPITALS.map(({ power, at, side }): MapPlace => ({ power, ...pointAt(at), edge: null, side }));
  const offMap = OFF_MAP_CAPITALS.map(({ power, edge, along }): MapPlace => ({
    power,
    x: edge === 'west' ? EDGE_INSET : WIDTH - EDGE_INSET,
    y: round(along * HEIGHT),
    edge,
    side: edge === 'west' ? 'right' : 'left',
  }));
  return [...onMap, ...offMap];
}

/** Every theatre of the shipped scenario must be on the map, and the map must not invent theatres. */
function checkAgainstScenario(map: MapAsset): void {
  const scenario = loadScenarioOrExit(SCENARIO);
  const onMap = new Set(map.theatres.map((t) => t.id));
  const missing = scenario.theatres.filter((t) => !onMap.has(t.id)).map((t) => t.id);
  const extra = [...onMap].filter((id) => !scenario.theatres.some((t) => t.id === id));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`${THEATRES} and ${SCENARIO} disagree: missing ${missing.join(', ') || 'none'}; unknown ${extra.join(', ') || 'none'}`);
  }
  for (const t of map.theatres) if (t.rings.length === 0) throw new Error(`theatre ${t.id} has no area on the map`);
}

// ---------------------------------------------------------------------------
// Plane geometry (build-time only)
// ---------------------------------------------------------------------------

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

function roundRings(rings: MapRing[]): MapRing[] {
  return rings.filter((r) => r.length >= 3).map((r) => r.map(([x, y]) => [round(x), round(y)] as MapPoint));
}

function ringArea(ring: readonly MapPoint[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  return sum / 2;
}

function cross(o: MapPoint, a: MapPoint, b: MapPoint): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function isConvex(ring: MapRing): boolean {
  const signs = ring.map((p, i) => Math.sign(cross(p, ring[(i + 1) % ring.length]!, ring[(i + 2) % ring.length]!)));
  return signs.every((s) => s >= 0) || signs.every((s) => s <= 0);
}

/** Sutherland–Hodgman: the part of `subject` inside the convex `clip` polygon. */
function clipToConvex(subject: MapRing, clip: MapRing): MapRing {
  const orientation = Math.sign(ringArea(clip));
  let output = subject;
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const a = clip[i]!;
    const b = clip[(i + 1) % clip.length]!;
    // Inside is the side of each edge that the clip's own winding puts its interior on.
    const inside = (p: MapPoint) => -cross(a, b, p) * orientation >= 0;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const current = input[j]!;
      const previous = input[(j + input.length - 1) % input.length]!;
      if (inside(current)) {
        if (!inside(previous)) output.push(intersect(previous, current, a, b));
        output.push(current);
      } else if (inside(previous)) {
        output.push(intersect(previous, current, a, b));
      }
    }
  }
  return output;
}

function intersect(p: MapPoint, q: MapPoint, a: MapPoint, b: MapPoint): MapPoint {
  const d = (p[0] - q[0]) * (a[1] - b[1]) - (p[1] - q[1]) * (a[0] - b[0]);
  const t = ((p[0] - a[0]) * (a[1] - b[1]) - (p[1] - a[1]) * (a[0] - b[0])) / d;
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/** Indices of the points Douglas–Peucker keeps (always the first and the last). */
function douglasPeucker(points: readonly (readonly number[])[], tolerance: number): number[] {
  if (points.length <= 2) return points.map((_, i) => i);
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i]!, points[first]!, points[last]!);
      if (d > worstDistance || Number.isNaN(d)) {
        worst = i;
        worstDistance = Number.isNaN(d) ? Infinity : d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return [...keep.keys()].filter((i) => keep[i] === 1);
}

function segmentDistance(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const [px, py] = [p[0]!, p[1]!];
  const [ax, ay] = [a[0]!, a[1]!];
  const [bx, by] = [b[0]!, b[1]!];
  const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
  if (lengthSquared === 0) return Math.hypot(px - ax, py - ay);
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / lengthSquared));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function pointCount(map: MapAsset): number {
  const count = (rings: MapRing[]) => rings.reduce((n, r) => n + r.length, 0);
  return (
    map.countries.reduce((n, c) => n + count(c.rings), 0) + count(map.borders) + count(map.graticule) + map.theatres.reduce((n, t) => n + count(t.rings), 0)
  );
}
