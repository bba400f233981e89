/**
 * The shapes of the reveal's arrows, in screen pixels: an arc from one place to
 * another, cut back at both ends so it leaves the capital's marker free and stops
 * short of the theatre's name, with an arrowhead and a spot for its label. Pure, so it
 * is tested in node; revealLayer.ts draws the result.
 */
import type { Point } from './geometry.js';
import { arc, polylineLength, sample, slice, zigzag, type Polyline } from './strokes.js';

export interface ArrowShape {
  line: Polyline;
  /** The arrowhead's three corners, its tip at the end of the line's travel. */
  head: [Point, Point, Point];
  /** Where the label goes: `labelAt` of the way along. */
  label: Point;
}

export interface ArrowOptions {
  /** How far the arc bows to the left of travel, as a share of its length (arrows the same way between the same places bow apart). */
  bow: number;
  /** Pixels left free at the start and at the end. */
  trim: [number, number];
  /** Length of the arrowhead in pixels. */
  head: number;
  /** A zigzag of this amplitude instead of a smooth line (pressure), or none. */
  zigzag?: number;
  /** How far along the arrow its label sits (0.5: the middle). */
  labelAt: number;
}

/** An arrow from `a` to `b`; null when the two are too close to draw one between. */
export function arrowShape(a: Point, b: Point, options: ArrowOptions): ArrowShape | null {
  const curve = arc(a, b, options.bow);
  const length = polylineLength(curve);
  const [start, end] = options.trim;
  if (length - start - end < options.head * 1.5) return null;
  const kept = slice(curve, start, length - end);
  const keptLength = length - start - end;
  // The line stops where the head begins, so a wide line does not poke through its point.
  const body = slice(kept, 0, keptLength - options.head * 0.6);
  const line = options.zigzag ? zigzag(body, options.zigzag, options.zigzag * 3.5) : body;
  const tip = kept[kept.length - 1]!;
  const { dir } = sample(kept, keptLength - 0.01);
  const back: Point = [tip[0] - dir[0] * options.head, tip[1] - dir[1] * options.head];
  const half = options.head * 0.55;
  const head: [Point, Point, Point] = [tip, [back[0] - dir[1] * half, back[1] + dir[0] * half], [back[0] + dir[1] * half, back[1] - dir[0] * half]];
  return { line, head, label: sample(kept, keptLength * options.labelAt).at };
}

/** An SVG path through the points, to a tenth of a pixel. */
export function pathData(points: readonly Point[], closed = false): string {
  const parts = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`);
  return closed ? `${parts.join('')}Z` : parts.join('');
}
