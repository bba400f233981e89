/**
 * Paints the static map into a 2D canvas, once per resolution: Phaser's Graphics would
 * re-triangulate thousands of coastline points every frame. Two layers, because sea
 * theatre outlines reach inland: the sea layer (water, theatres, graticule) goes under
 * the live sea highlights, the land layer (countries, coasts, borders, land theatres,
 * the off-map box) on top of them, and the coast cuts every highlight exactly.
 */
import type { MapAsset, MapPoint, MapRing } from '../../view/mapAsset.js';
import { boundsOf, type Point, type Rect } from './geometry.js';
import { MAP_COLOURS, MAP_SIZES, landOf } from './mapStyle.js';

/** What to paint: the canvas units `region` at `resolution` texture pixels per unit, for lines `scale` CSS px per unit. */
export interface Paint {
  region: Rect;
  resolution: number;
  scale: number;
}

export function paintSea(ctx: CanvasRenderingContext2D, asset: MapAsset, paint: Paint): void {
  begin(ctx, paint);
  const px = 1 / paint.scale;
  ctx.fillStyle = MAP_COLOURS.sea;
  ctx.fillRect(paint.region.x, paint.region.y, paint.region.width, paint.region.height);
  const seas = asset.theatres.filter((t) => t.surface === 'sea');
  ctx.fillStyle = MAP_COLOURS.theatreSea;
  for (const theatre of seas) fillRings(ctx, theatre.rings);
  ctx.strokeStyle = MAP_COLOURS.graticule;
  ctx.lineWidth = px;
  strokeLines(ctx, asset.graticule);
  ctx.strokeStyle = MAP_COLOURS.theatreBorder;
  ctx.lineWidth = MAP_SIZES.theatreBorder * px;
  ctx.setLineDash([7 * px, 4 * px]);
  for (const theatre of seas) strokeInsideFrame(ctx, theatre.rings, asset);
  ctx.setLineDash([]);
}

/** A sea theatre cut by the edge of the map is not bounded there: draw its outline but not along the edge. */
function strokeInsideFrame(ctx: CanvasRenderingContext2D, rings: MapRing[], { width, height }: MapAsset): void {
  const onEdge = ([x0, y0]: MapPoint, [x1, y1]: MapPoint) =>
    (x0 === x1 && (x0 <= 0 || x0 >= width)) || (y0 === y1 && (y0 <= 0 || y0 >= height));
  ctx.beginPath();
  for (const ring of rings) {
    ring.forEach((point, i) => {
      const previous = ring[(i + ring.length - 1) % ring.length]!;
      if (i === 0 || onEdge(previous, point)) ctx.moveTo(point[0], point[1]);
      else ctx.lineTo(point[0], point[1]);
    });
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && !onEdge(last, first)) ctx.lineTo(first[0], first[1]);
  }
  ctx.stroke();
}

export function paintLand(ctx: CanvasRenderingContext2D, asset: MapAsset, paint: Paint): void {
  begin(ctx, paint);
  const px = 1 / paint.scale;
  for (const country of asset.countries) {
    ctx.fillStyle = landOf(country.power);
    fillRings(ctx, country.rings);
  }
  ctx.strokeStyle = MAP_COLOURS.coast;
  ctx.lineWidth = MAP_SIZES.coast * px;
  ctx.lineJoin = 'round';
  for (const country of asset.countries) strokeRings(ctx, country.rings);
  ctx.strokeStyle = MAP_COLOURS.border;
  ctx.lineWidth = MAP_SIZES.border * px;
  ctx.setLineDash([5 * px, 2.5 * px]);
  strokeLines(ctx, asset.borders);
  ctx.setLineDash([]);

  for (const theatre of asset.theatres) {
    if (theatre.surface === 'land') paintLandTheatre(ctx, theatre.rings, px);
    if (theatre.surface === 'box') paintBox(ctx, theatre.rings, px);
  }
}

/** Hatched, so a land theatre reads as a zone on top of the country and not as a country of its own. */
function paintLandTheatre(ctx: CanvasRenderingContext2D, rings: MapRing[], px: number): void {
  ctx.save();
  tracePath(ctx, rings, true);
  ctx.clip('evenodd');
  ctx.fillStyle = 'rgba(255, 255, 255, 0.25)';
  fillRings(ctx, rings);
  const { x: minX, y: minY, width, height } = boundsOf(rings);
  const [maxX, maxY] = [minX + width, minY + height];
  ctx.strokeStyle = 'rgba(28, 39, 48, 0.28)';
  ctx.lineWidth = px;
  ctx.beginPath();
  const step = 7 * px;
  for (let d = minX - (maxY - minY); d < maxX; d += step) {
    ctx.moveTo(d, maxY);
    ctx.lineTo(d + (maxY - minY), minY);
  }
  ctx.stroke();
  ctx.restore();
  ctx.strokeStyle = MAP_COLOURS.theatreBorder;
  ctx.lineWidth = MAP_SIZES.theatreBorder * px;
  ctx.setLineDash([7 * px, 4 * px]);
  strokeRings(ctx, rings);
  ctx.setLineDash([]);
}

function paintBox(ctx: CanvasRenderingContext2D, rings: MapRing[], px: number): void {
  ctx.save();
  ctx.shadowColor = 'rgba(0, 0, 0, 0.35)';
  ctx.shadowBlur = 6;
  ctx.fillStyle = MAP_COLOURS.paper;
  fillRings(ctx, rings);
  ctx.restore();
  ctx.strokeStyle = MAP_COLOURS.theatreBorder;
  ctx.lineWidth = MAP_SIZES.theatreBorder * px;
  strokeRings(ctx, rings);
}

/** Sets the canvas transform so drawing in map units lands where `paint` puts them. */
export function begin(ctx: CanvasRenderingContext2D, { region, resolution }: Paint): void {
  ctx.setTransform(resolution, 0, 0, resolution, -region.x * resolution, -region.y * resolution);
}

/** Traces lines (closed: rings) in map units as one path, ready to fill or stroke. */
export function tracePath(ctx: CanvasRenderingContext2D, lines: readonly (readonly Point[])[], closed: boolean): void {
  ctx.beginPath();
  for (const line of lines) {
    line.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    if (closed) ctx.closePath();
  }
}

function fillRings(ctx: CanvasRenderingContext2D, rings: MapRing[]): void {
  tracePath(ctx, rings, true);
  ctx.fill('evenodd');
}

function strokeRings(ctx: CanvasRenderingContext2D, rings: MapRing[]): void {
  tracePath(ctx, rings, true);
  ctx.stroke();
}

function strokeLines(ctx: CanvasRenderingContext2D, lines: MapRing[]): void {
  tracePath(ctx, lines, false);
  ctx.stroke();
}
