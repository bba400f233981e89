/**
 * The map's colours and line sizes in one place. Power colours come from the shared
 * palette; everything else is a quiet blue-grey and paper scheme so the powers'
 * colours and the relations stand out. Sizes are CSS pixels, whatever the zoom.
 */
import type { PowerId } from '../../game/powers.js';
import { HIGHLIGHT, POWER_STYLE } from '../../view/palette.js';
import type { RelationStyle } from '../../view/mapModel.js';

export const MAP_COLOURS = {
  /** Around the board, where the map ends. */
  frame: '#1c2730',
  /** Water that is no theatre. */
  sea: '#a9bdc9',
  /** Water inside a theatre: lighter, so the playing areas read as areas. */
  theatreSea: '#c4d5df',
  theatreBorder: '#4d6576',
  graticule: 'rgba(255, 255, 255, 0.45)',
  land: '#dcd8cf',
  coast: '#56656f',
  border: '#3c3c3c',
  /** The off-map panel. */
  paper: '#f3eee2',
  ink: '#1f2a31',
  hostile: '#a4161a',
  highlight: HIGHLIGHT,
  highlightCasing: '#1c2730',
} as const;

export const MAP_SIZES = {
  coast: 0.9,
  border: 1.3,
  theatreBorder: 1.4,
  /** Relation line widths by style; allied is the heavy line of a bloc. */
  relation: { allied: 4.5, friendly: 2.2, neutral: 1.8, cool: 2, hostile: 2.2 } satisfies Record<RelationStyle, number>,
  relationCasing: 2,
  placeRadius: 7,
  hover: 2.5,
  selected: 4,
} as const;

export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function hexToNumber(hex: string): number {
  return Number.parseInt(hex.replace('#', ''), 16);
}

/** The colour mixed with white: `amount` 0 keeps it, 1 is white. */
export function paler(hex: string, amount: number): string {
  const [r, g, b] = hexToRgb(hex).map((c) => Math.round(c + (255 - c) * amount)) as [number, number, number];
  return `rgb(${r}, ${g}, ${b})`;
}

/** Land of a power: its colour, pale enough to write on. */
export function landOf(power: PowerId | null): string {
  return power ? paler(POWER_STYLE[power].colour, 0.7) : MAP_COLOURS.land;
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function textOn(hex: string): '#000' | '#fff' {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000' : '#fff';
}
