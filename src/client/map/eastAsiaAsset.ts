/**
 * The pre-projected East Asia map (written by `npm run build:map`), bundled by Vite
 * with the code: about 50 kB instead of the 750 kB world file and d3.
 */
import json from '../../../assets/map/east-asia.json';
import type { MapAsset } from '../../view/mapAsset.js';

export const EAST_ASIA = json as MapAsset;
