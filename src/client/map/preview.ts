/**
 * A page to look at the map alone (npx vite, then /tests/e2e/map-preview.html): the real
 * scenario's opening position as one seat sees it. `?seat=PRK` picks the seat;
 * `?covert` adds a covert North Korean deployment at the Ukraine Front (as the
 * "Disguised deployment" card does) so the unknown-forces counter shows.
 */
import { isPowerId, type PowerId } from '../../game/powers.js';
import { setupState } from '../../game/setup.js';
import { playerView } from '../../game/view.js';
import { bundledScenarios, DEFAULT_SCENARIO } from '../../scenario/bundled.js';
import { buildMapModel } from '../../view/mapModel.js';
import { EastAsiaMap } from './EastAsiaMap.js';

const scenario = bundledScenarios().get(DEFAULT_SCENARIO)!;

const params = new URLSearchParams(location.search);
const seatParam = params.get('seat');
const seat: PowerId = isPowerId(seatParam) ? seatParam : 'CHN';
const G = setupState(scenario, { seed: 'map-preview' });
if (params.has('covert')) G.forces['UKRAINE_FRONT'] = { ...G.forces['UKRAINE_FRONT'], PRK: { open: 0, covert: 2 } };
const view = playerView(G, seat);

let selected: string | null = null;
const parent = document.getElementById('map')!;
const map = new EastAsiaMap(parent, {
  onSelectTheatre: (id) => {
    selected = id;
    map.update(buildMapModel(scenario, view, selected));
  },
  reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
});
map.update(buildMapModel(scenario, view, selected));

/** Read by tests/e2e/shootMap.ts. */
declare global {
  interface Window {
    __MAP_PREVIEW__?: { map: EastAsiaMap; selected: () => string | null };
  }
}
window.__MAP_PREVIEW__ = { map, selected: () => selected };
