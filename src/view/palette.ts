/**
 * Power colours from the Okabe–Ito palette (safe for colour-blind players), each with
 * a pattern so colour is never the only cue.
 */
import type { PowerId } from '../game/powers.js';

export interface PowerStyle {
  colour: string;
  /** A fill pattern name the map and the panels both use. */
  pattern: 'solid' | 'stripes' | 'dots' | 'cross' | 'grid' | 'waves';
}

export const POWER_STYLE: Record<PowerId, PowerStyle> = {
  CHN: { colour: '#D55E00', pattern: 'solid' },
  RUS: { colour: '#CC79A7', pattern: 'stripes' },
  PRK: { colour: '#E69F00', pattern: 'dots' },
  USA: { colour: '#0072B2', pattern: 'cross' },
  JPN: { colour: '#56B4E9', pattern: 'grid' },
  KOR: { colour: '#009E73', pattern: 'waves' },
};

/** The spare Okabe–Ito colour, for selection and highlights. */
export const HIGHLIGHT = '#F0E442';
