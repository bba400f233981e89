/**
 * Paints what changes on the map during a game into a 2D canvas: the hovered and
 * selected theatres, the relations between capitals and the capital markers. They are
 * painted with the canvas like the coastlines (baseMap.ts), not drawn live by Phaser,
 * so a whole picture of the map is one texture and a pan draws nothing new.
 */
import type { MapAsset } from '../../view/mapAsset.js';
import type { RelationOnMap } from '../../view/mapModel.js';
import { POWER_STYLE } from '../../view/palette.js';
import { tracePath, type Paint } from './baseMap.js';
import type { Point } from './geometry.js';
import { MAP_COLOURS, MAP_SIZES } from './mapStyle.js';
import { arc, dashes, pointsAlong, zigzag, type Polyline } from './strokes.js';

export interface Highlight {
  id: string;
  kind: 'hover' | 'selected';
}

/** Yellow fill and outline of theatres on one surface; the land layer goes over the sea ones so the coast cuts them. */
export function paintHighlights(ctx: CanvasRenderingContext2D, asset: MapAsset, paint: Paint, highlights: readonly Highlight[], surface: 'sea' | 'land'): void {
  const px = 1 / paint.scale;
  for (const { id, kind } of highlights) {
    const theatre = asset.theatres.find((t) => t.id === id);
    if (!theatre || (theatre.surface === 'sea') !== (surface === 'sea')) continue;
    const width = kind === 'hover' ? MAP_SIZES.hover : MAP_SIZES.selected;
    tracePath(ctx, theatre.rings, true);
    ctx.globalAlpha = kind === 'hover' ? 0.22 : 0.38;
    ctx.fillStyle = MAP_COLOURS.highlight;
    ctx.fill('evenodd');
    ctx.lineJoin = 'round';
    // A dark casing under the yellow line: the outline reads on pale sea and land alike.
    ctx.globalAlpha = 0.85;
    ctx.strokeStyle = MAP_COLOURS.highlightCasing;
    ctx.lineWidth = (width + 2.5) * px;
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = MAP_COLOURS.highlight;
    ctx.lineWidth = width * px;
    ctx.stroke();
  }
}

/** The relations as arcs between capitals, then the capitals on top. */
export function paintRelations(ctx: CanvasRenderingContext2D, asset: MapAsset, paint: Paint, relations: readonly RelationOnMap[]): void {
  const px = 1 / paint.scale;
  const placeOf = new Map(asset.places.map((p) => [p.power, [p.x, p.y] as Point]));
  for (const relation of relations) {
    const a = placeOf.get(relation.a);
    const b = placeOf.get(relation.b);
    if (a && b) paintRelation(ctx, relation, arc(a, b, 0.06), px);
  }
  for (const place of asset.places) {
    const r = MAP_SIZES.placeRadius * px;
    ctx.fillStyle = MAP_COLOURS.ink;
    if (place.edge) {
      // An arrowhead pointing past the edge: the capital lies that way.
      const dir = place.edge === 'east' ? 1 : -1;
      ctx.beginPath();
      ctx.moveTo(place.x + dir * r * 2.4, place.y);
      ctx.lineTo(place.x + dir * r * 0.6, place.y - r * 1.3);
      ctx.lineTo(place.x + dir * r * 0.6, place.y + r * 1.3);
      ctx.fill();
    }
    disc(ctx, [place.x, place.y], r + 2 * px, MAP_COLOURS.ink);
    disc(ctx, [place.x, place.y], r, POWER_STYLE[place.power].colour);
    disc(ctx, [place.x, place.y], r * 0.38, '#ffffff');
  }
}

/** How strongly a faded relation is drawn (while the reveal draws the orders over the map). */
const FADED = 0.28;

/** Width and pattern carry the value; colour only repeats it (hostile is also red). */
function paintRelation(ctx: CanvasRenderingContext2D, relation: RelationOnMap, line: Polyline, px: number): void {
  const width = MAP_SIZES.relation[relation.style] * px;
  const casingWidth = width + MAP_SIZES.relationCasing * 2 * px;
  const fade = relation.faded ? FADED : 1;
  const stroke = (lines: Polyline[], w: number, colour: string, alpha: number) => {
    ctx.globalAlpha = alpha * fade;
    ctx.strokeStyle = colour;
    ctx.lineWidth = w;
    ctx.lineJoin = 'round';
    tracePath(ctx, lines, false);
    ctx.stroke();
    ctx.globalAlpha = 1;
  };
  switch (relation.style) {
    case 'allied':
    case 'friendly':
      stroke([line], casingWidth, '#ffffff', 0.6);
      stroke([line], width, MAP_COLOURS.ink, 1);
      break;
    case 'cool': {
      const cut = dashes(line, 9 * px, 6 * px);
      stroke(cut, casingWidth, '#ffffff', 0.6);
      stroke(cut, width, MAP_COLOURS.ink, 1);
      break;
    }
    case 'neutral':
      for (const at of pointsAlong(line, 7 * px)) {
        ctx.globalAlpha = 0.6 * fade;
        disc(ctx, at, width * 0.8 + MAP_SIZES.relationCasing * px * 0.6, '#ffffff');
        ctx.globalAlpha = fade;
        disc(ctx, at, width * 0.8, MAP_COLOURS.ink);
      }
      ctx.globalAlpha = 1;
      break;
    case 'hostile': {
      const zig = zigzag(line, 3.5 * px, 10 * px);
      stroke([zig], casingWidth, '#ffffff', 0.6);
      stroke([zig], width, MAP_COLOURS.hostile, 1);
      break;
    }
  }
}

function disc(ctx: CanvasRenderingContext2D, [x, y]: Point, r: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
}
