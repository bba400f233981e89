/**
 * The map without a browser: the committed asset, the geometry the renderer relies
 * on (hit tests over many outlines, the view maths, the projection), the relation
 * line shapes, and the model that decides what a seat sees on the map.
 */
import { readFileSync } from 'node:fs';
import { geoConicConformal } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { EAST_ASIA } from '../../src/client/map/eastAsiaAsset.js';
import {
  TheatreHits,
  boundsOf,
  clampView,
  fitScale,
  fitView,
  labelPoint,
  pointInRings,
  projectLonLat,
  screenToWorld,
  visibleRect,
  worldToScreen,
  zoomAt,
  zoomLimits,
  type Point,
  type Ring,
} from '../../src/client/map/geometry.js';
import { arc, dashes, polylineLength, zigzag } from '../../src/client/map/strokes.js';
import { arrowShape, pathData } from '../../src/client/map/revealGeometry.js';
import { POWERS } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import { playerView } from '../../src/game/view.js';
import { buildMapModel, publicMapModel, relationsOnMap, relationStyle } from '../../src/view/mapModel.js';
import { realScenario } from '../helpers/scenarios.js';

const ASSET_FILE = 'assets/map/east-asia.json';
const sc = realScenario();
const map = { width: EAST_ASIA.width, height: EAST_ASIA.height };

describe('the map asset', () => {
  it('has the seven theatres and a capital marker for each of the six powers', () => {
    expect(EAST_ASIA.theatres.map((t) => t.id).sort()).toEqual(
      ['DMZ', 'EAST_CHINA_SEA', 'EAST_SEA', 'RUSSIAN_FAR_EAST', 'UKRAINE_FRONT', 'WESTERN_PACIFIC', 'YELLOW_SEA'].sort(),
    );
    expect(EAST_ASIA.places.map((p) => p.power).sort()).toEqual([...POWERS].sort());
    for (const place of EAST_ASIA.places) {
      expect(place.x, place.power).toBeGreaterThanOrEqual(0);
      expect(place.x, place.power).toBeLessThanOrEqual(map.width);
      expect(place.y, place.power).toBeGreaterThanOrEqual(0);
      expect(place.y, place.power).toBeLessThanOrEqual(map.height);
    }
    // Washington and Moscow are off the map: their markers sit on the edges facing them.
    expect(EAST_ASIA.places.find((p) => p.power === 'USA')?.edge).toBe('east');
    expect(EAST_ASIA.places.find((p) => p.power === 'RUS')?.edge).toBe('west');
  });

  it('gives every theatre of the scenario a region, and off-map theatres the box', () => {
    for (const theatre of sc.theatres) {
      const region = EAST_ASIA.theatres.find((t) => t.id === theatre.id);
      expect(region, theatre.id).toBeDefined();
      expect(region!.surface === 'box', theatre.id).toBe(theatre.offMap);
      expect(region!.rings.length, theatre.id).toBeGreaterThan(0);
      for (const ring of region!.rings) expect(ring.length, theatre.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('puts each scenario anchor inside its own theatre, so names sit on what they name', () => {
    const hits = new TheatreHits(EAST_ASIA);
    for (const theatre of sc.theatres) {
      if (!theatre.anchor) continue;
      const at = projectLonLat(EAST_ASIA.projection, theatre.anchor[0], theatre.anchor[1]);
      expect(hits.at(at), theatre.id).toBe(theatre.id);
    }
  });

  it('keeps the powers on the map and nothing degenerate', () => {
    const ids = EAST_ASIA.countries.map((c) => c.id);
    for (const id of ['CHN', 'RUS', 'PRK', 'KOR', 'JPN', 'MNG', 'TWN']) expect(ids).toContain(id);
    for (const country of EAST_ASIA.countries) {
      const bounds = boundsOf(country.rings);
      // A polygon wound backwards would cover the whole canvas.
      expect(bounds.width * bounds.height, country.id).toBeLessThan(map.width * map.height);
      for (const ring of country.rings) expect(ring.length, country.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('is small (under 80 kB raw)', () => {
    expect(readFileSync(ASSET_FILE).length).toBeLessThan(80 * 1024);
  });

  it('projects [lon, lat] exactly as d3 did when the asset was built', () => {
    const { centralMeridian, parallels } = EAST_ASIA.projection;
    const d3 = geoConicConformal().rotate([-centralMeridian, 0]).parallels(parallels);
    // Recover d3's fitted scale and translate from two known points of the asset's own projection.
    d3.scale(EAST_ASIA.projection.k).translate([0, 0]);
    const origin = d3([centralMeridian, 0])!;
    const ours = projectLonLat(EAST_ASIA.projection, centralMeridian, 0);
    d3.translate([ours[0] - origin[0], ours[1] - origin[1]]);
    for (const [lon, lat] of [[127.5, 38.2], [116.4, 39.9], [139.7, 35.7], [112, 22], [148, 50]] as [number, number][]) {
      const [x, y] = projectLonLat(EAST_ASIA.projection, lon, lat);
      const [ex, ey] = d3([lon, lat])!;
      expect(x).toBeCloseTo(ex, 6);
      expect(y).toBeCloseTo(ey, 6);
    }
  });
});

describe('hit tests', () => {
  const square = (x: number, y: number, size: number): Ring => [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
  ];

  it('counts a point inside any outline of an island group, and not inside a hole', () => {
    const group: Ring[] = [square(0, 0, 10), square(20, 0, 10), square(3, 3, 4)];
    expect(pointInRings([1, 1], group)).toBe(true);
    expect(pointInRings([25, 5], group)).toBe(true);
    expect(pointInRings([15, 5], group)).toBe(false);
    // (5, 5) lies in the small square inside the first: a hole.
    expect(pointInRings([5, 5], group)).toBe(false);
  });

  it('labels the largest outline, inside it even when it is bent', () => {
    expect(labelPoint([square(0, 0, 2), square(10, 10, 10)])).toEqual([15, 15]);
    // A U shape: its centroid falls in the gap between the arms.
    const u: Ring = [[0, 0], [30, 0], [30, 30], [20, 30], [20, 10], [10, 10], [10, 30], [0, 30]];
    const at = labelPoint([u]);
    expect(pointInRings(at, [u])).toBe(true);
  });

  it('finds theatres at real places: open sea, land theatres, the box, and land that is no theatre', () => {
    const hits = new TheatreHits(EAST_ASIA);
    const at = (lon: number, lat: number) => hits.at(projectLonLat(EAST_ASIA.projection, lon, lat));
    expect(at(134, 40)).toBe('EAST_SEA');
    expect(at(123.5, 36)).toBe('YELLOW_SEA');
    expect(at(126, 29.5)).toBe('EAST_CHINA_SEA');
    expect(at(145, 30)).toBe('WESTERN_PACIFIC');
    expect(at(127.3, 38.2)).toBe('DMZ');
    expect(at(133, 45)).toBe('RUSSIAN_FAR_EAST');
    // Seoul is on land inside the Yellow Sea's outline, which reaches inland under the coast.
    expect(at(126.98, 37.4)).toBeNull();
    expect(at(116.4, 39.9)).toBeNull();
    const box = EAST_ASIA.theatres.find((t) => t.surface === 'box')!;
    expect(hits.at(labelPoint(box.rings))).toBe('UKRAINE_FRONT');
  });
});

describe('the view', () => {
  const viewport = { width: 1000, height: 500 };

  it('fits the whole map and centres it', () => {
    expect(fitScale(map, viewport)).toBeCloseTo(Math.min(1000 / map.width, 500 / map.height));
    const view = fitView(map, viewport);
    expect(view.cx).toBe(map.width / 2);
    expect(view.cy).toBe(map.height / 2);
  });

  it('clamps zoom to its limits and keeps the map on screen', () => {
    const limits = zoomLimits(map, viewport, 6);
    expect(clampView({ scale: limits.min / 10, cx: 0, cy: 0 }, map, viewport, limits).scale).toBe(limits.min);
    expect(clampView({ scale: limits.max * 10, cx: 0, cy: 0 }, map, viewport, limits).scale).toBe(limits.max);
    const far = clampView({ scale: limits.max, cx: -500, cy: map.height + 500 }, map, viewport, limits);
    const seen = visibleRect(far, viewport);
    expect(seen.x).toBeCloseTo(0);
    expect(seen.y + seen.height).toBeCloseTo(map.height);
    // At the whole-map scale the narrow axis is centred, whatever was asked.
    const whole = clampView({ scale: limits.min, cx: 10, cy: 10 }, map, viewport, limits);
    expect(whole.cx).toBe(map.width / 2);
    expect(whole.cy).toBe(map.height / 2);
  });

  it('zooms about the pointer and converts between screen and canvas both ways', () => {
    const view = fitView(map, viewport);
    const pointer: Point = [700, 120];
    const under = screenToWorld(view, viewport, pointer);
    const zoomed = zoomAt(view, 2.5, pointer, viewport);
    expect(zoomed.scale).toBeCloseTo(view.scale * 2.5);
    const [x, y] = worldToScreen(zoomed, viewport, under);
    expect(x).toBeCloseTo(pointer[0]);
    expect(y).toBeCloseTo(pointer[1]);
  });
});

describe('relation lines', () => {
  it('cuts dashes along the line without running past its end', () => {
    const line = arc([0, 0], [100, 0], 0);
    expect(polylineLength(line)).toBeCloseTo(100);
    const cut = dashes(line, 10, 5);
    expect(cut).toHaveLength(7);
    expect(cut[6]![cut[6]!.length - 1]![0]).toBeCloseTo(100);
  });

  it('zigzags between both ends', () => {
    const zig = zigzag([[0, 0], [100, 0]], 3, 10);
    expect(zig[0]).toEqual([0, 0]);
    expect(zig[zig.length - 1]).toEqual([100, 0]);
    expect(Math.max(...zig.map((p) => Math.abs(p[1])))).toBeCloseTo(3);
  });
});

describe('the reveal\'s arrows', () => {
  it('leave both places free, end in a head at the far one, and carry their label along them', () => {
    const shape = arrowShape([0, 0], [200, 0], { bow: 0, trim: [10, 20], head: 12, labelAt: 0.25 })!;
    expect(shape.line[0]![0]).toBeCloseTo(10);
    // The line stops inside the head, so a wide line does not poke through its point.
    expect(shape.line[shape.line.length - 1]![0]).toBeCloseTo(180 - 12 * 0.6);
    expect(shape.head[0][0]).toBeCloseTo(180);
    expect(shape.head[1][0]).toBeCloseTo(168);
    expect(Math.abs(shape.head[1][1] - shape.head[2][1])).toBeCloseTo(12 * 1.1);
    expect(shape.label[0]).toBeCloseTo(10 + 170 * 0.25);
  });

  it('bow to the left of travel, so two ways between the same places do not overlap', () => {
    const there = arrowShape([0, 0], [200, 0], { bow: 0.12, trim: [0, 0], head: 10, labelAt: 0.5 })!;
    const back = arrowShape([200, 0], [0, 0], { bow: 0.12, trim: [0, 0], head: 10, labelAt: 0.5 })!;
    expect(there.label[1]).toBeLessThan(-10);
    expect(back.label[1]).toBeGreaterThan(10);
  });

  it('are left out when the places are too close for one', () => {
    expect(arrowShape([0, 0], [30, 0], { bow: 0.1, trim: [11, 16], head: 12, labelAt: 0.5 })).toBeNull();
  });

  it('zigzag for pressure, and the SVG path follows the points', () => {
    const shape = arrowShape([0, 0], [200, 0], { bow: 0, trim: [0, 0], head: 10, zigzag: 4, labelAt: 0.5 })!;
    expect(Math.max(...shape.line.map((p) => Math.abs(p[1])))).toBeCloseTo(4);
    expect(pathData([[0, 0], [1.25, 2]])).toBe('M0.0 0.0L1.3 2.0');
    expect(pathData([[0, 0], [1, 0], [1, 1]], true)).toBe('M0.0 0.0L1.0 0.0L1.0 1.0Z');
  });
});

describe('buildMapModel', () => {
  it('shows a seat its own covert forces, counts others only as unknown', () => {
    const G = setupState(sc, { seed: 'map-model' });
    G.forces['UKRAINE_FRONT'] = { RUS: { open: 2, covert: 0 }, PRK: { open: 1, covert: 2 } };
    G.forces['YELLOW_SEA'] = { CHN: { open: 2, covert: 1 } };

    const china = buildMapModel(sc, playerView(G, 'CHN'));
    const front = china.theatres.find((t) => t.id === 'UKRAINE_FRONT')!;
    expect(front.forces).toEqual([
      { power: 'RUS', count: 2, covert: 0 },
      { power: 'PRK', count: 1, covert: 0 },
    ]);
    expect(front.unknown).toBe(2);
    expect(front.offMap).toBe(true);
    expect(china.theatres.find((t) => t.id === 'YELLOW_SEA')!.forces).toEqual([{ power: 'CHN', count: 3, covert: 1 }]);

    const northKorea = buildMapModel(sc, playerView(G, 'PRK'));
    expect(northKorea.theatres.find((t) => t.id === 'UKRAINE_FRONT')!.forces).toContainEqual({ power: 'PRK', count: 3, covert: 2 });
    expect(northKorea.theatres.find((t) => t.id === 'UKRAINE_FRONT')!.unknown).toBe(0);
    expect(northKorea.theatres.find((t) => t.id === 'YELLOW_SEA')!.forces).toEqual([{ power: 'CHN', count: 2, covert: 0 }]);
  });

  it('never shows another power\'s covert forces even if a view carried them', () => {
    const G = setupState(sc, { seed: 'map-model' });
    G.forces['DMZ'] = { PRK: { open: 3, covert: 4 } };
    const leaky = { ...playerView(G, 'KOR'), forces: G.forces };
    const dmz = buildMapModel(sc, leaky).theatres.find((t) => t.id === 'DMZ')!;
    expect(dmz.forces).toEqual([{ power: 'PRK', count: 3, covert: 0 }]);
  });

  it('shows the whole table only what every seat sees: a seat\'s own covert forces among the unknown', () => {
    const G = setupState(sc, { seed: 'map-model' });
    G.forces['UKRAINE_FRONT'] = { RUS: { open: 2, covert: 1 }, PRK: { open: 1, covert: 2 } };
    for (const seat of ['PRK', 'RUS', 'JPN'] as const) {
      const front = publicMapModel(sc, playerView(G, seat)).theatres.find((t) => t.id === 'UKRAINE_FRONT')!;
      expect(front.forces).toEqual([
        { power: 'RUS', count: 2, covert: 0 },
        { power: 'PRK', count: 1, covert: 0 },
      ]);
      expect(front.unknown).toBe(3);
    }
  });

  it('draws pale every relation but those a step of the reveal moved', () => {
    const relations = playerView(setupState(sc, { seed: 'map-model' }), 'JPN').relations;
    const drawn = relationsOnMap(relations, new Set(['CHN-RUS'] as const));
    expect(drawn.filter((r) => !r.faded).map((r) => `${r.a}-${r.b}`)).toEqual(['CHN-RUS']);
    expect(relationsOnMap(relations).some((r) => r.faded)).toBe(false);
  });

  it('names disputed seas both ways, marks the selection and keeps scenario anchors', () => {
    const model = buildMapModel(sc, playerView(setupState(sc, { seed: 'map-model' }), 'JPN'), 'EAST_SEA');
    const eastSea = model.theatres.find((t) => t.id === 'EAST_SEA')!;
    expect(eastSea.label).toBe('Sea of Japan / East Sea');
    expect(eastSea.selected).toBe(true);
    expect(eastSea.anchor).toEqual([134, 40]);
    expect(model.theatres.filter((t) => t.selected)).toHaveLength(1);
    expect(model.theatres.find((t) => t.id === 'YELLOW_SEA')!.label).toBe('Yellow Sea');
  });

  it('draws all fifteen relations with a style for each value', () => {
    expect([3, 2, 1, 0, -1, -2, -3].map(relationStyle)).toEqual(['allied', 'allied', 'friendly', 'neutral', 'cool', 'hostile', 'hostile']);
    const G = setupState(sc, { seed: 'map-model' });
    const model = buildMapModel(sc, playerView(G, null));
    expect(model.relations).toHaveLength(15);
    const pair = (a: string, b: string) => model.relations.find((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a))!;
    expect(pair('USA', 'JPN')).toMatchObject({ value: 3, style: 'allied' });
    expect(pair('PRK', 'KOR')).toMatchObject({ value: -3, style: 'hostile' });
    expect(pair('CHN', 'KOR')).toMatchObject({ value: 0, style: 'neutral' });
  });
});
