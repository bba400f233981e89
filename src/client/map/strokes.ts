/**
 * Line shapes for relations. A relation must read without colour (solid, dotted,
 * dashed, zigzag), so the patterns are cut here as polylines that marks.ts strokes.
 * Pure: lengths are in whatever unit the caller draws in.
 */
import type { Point } from './geometry.js';

export type Polyline = Point[];

/**
 * A gentle arc from a to b, bowed to the left of the direction a → b by `bow` times
 * the distance, so relations between nearly aligned capitals do not lie on top of
 * each other.
 */
export function arc(a: Point, b: Point, bow: number, segments = 24): Polyline {
  const [mx, my] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  // Left of travel on a y-down screen is (dy, -dx).
  const control: Point = [mx + dy * bow * 2, my - dx * bow * 2];
  const points: Polyline = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const u = 1 - t;
    points.push([u * u * a[0] + 2 * u * t * control[0] + t * t * b[0], u * u * a[1] + 2 * u * t * control[1] + t * t * b[1]]);
  }
  return points;
}

export function polylineLength(line: Polyline): number {
  let length = 0;
  for (let i = 1; i < line.length; i++) length += Math.hypot(line[i]![0] - line[i - 1]![0], line[i]![1] - line[i - 1]![1]);
  return length;
}

/** The point at distance `d` along the line, and the direction of travel there. */
export function sample(line: Polyline, d: number): { at: Point; dir: Point } {
  let travelled = 0;
  for (let i = 1; i < line.length; i++) {
    const [x0, y0] = line[i - 1]!;
    const [x1, y1] = line[i]!;
    const step = Math.hypot(x1 - x0, y1 - y0);
    if (step > 0 && (travelled + step >= d || i === line.length - 1)) {
      const t = Math.min(1, Math.max(0, (d - travelled) / step));
      return { at: [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t], dir: [(x1 - x0) / step, (y1 - y0) / step] };
    }
    travelled += step;
  }
  const last = line[line.length - 1] ?? [0, 0];
  return { at: last, dir: [1, 0] };
}

/** The part of the line between two distances along it. */
export function slice(line: Polyline, from: number, to: number): Polyline {
  const out: Polyline = [sample(line, from).at];
  let travelled = 0;
  for (let i = 1; i < line.length; i++) {
    travelled += Math.hypot(line[i]![0] - line[i - 1]![0], line[i]![1] - line[i - 1]![1]);
    if (travelled > from && travelled < to) out.push(line[i]!);
  }
  out.push(sample(line, to).at);
  return out;
}

/** Dashes of length `dash` separated by `gap`, starting with a dash; a dot is a very short dash drawn with round caps. */
export function dashes(line: Polyline, dash: number, gap: number): Polyline[] {
  const total = polylineLength(line);
  const out: Polyline[] = [];
  if (dash <= 0 || total === 0) return out;
  for (let d = 0; d < total; d += dash + gap) out.push(slice(line, d, Math.min(total, d + dash)));
  return out;
}

/** Points every `spacing` along the line, from its start (for dotted lines). */
export function pointsAlong(line: Polyline, spacing: number): Point[] {
  const total = polylineLength(line);
  const out: Point[] = [];
  if (spacing <= 0 || total === 0) return out;
  for (let d = 0; d <= total; d += spacing) out.push(sample(line, d).at);
  return out;
}

/** A zigzag of the given amplitude and wavelength following the line, ending exactly on it. */
export function zigzag(line: Polyline, amplitude: number, wavelength: number): Polyline {
  const total = polylineLength(line);
  if (total === 0 || wavelength <= 0) return [...line];
  const half = total / Math.max(2, Math.round((2 * total) / wavelength));
  const out: Polyline = [line[0]!];
  let side = 1;
  for (let d = half / 2; d < total - half / 4; d += half) {
    const { at, dir } = sample(line, d);
    out.push([at[0] - dir[1] * amplitude * side, at[1] + dir[0] * amplitude * side]);
    side = -side;
  }
  out.push(line[line.length - 1]!);
  return out;
}
