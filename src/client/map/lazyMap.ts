/**
 * The map as the game screen holds it: EastAsiaMap, loaded on demand. Phaser is most
 * of the page's JavaScript (about 1.3 MB), so the start screen does not wait for it:
 * the page starts fetching it once the start screen is up (preloadMap), and the game
 * screen shows its panels at once and the map as soon as Phaser has arrived.
 */
import type { MapModel, RelationOnMap } from '../../view/mapModel.js';
import type { EastAsiaMap, EastAsiaMapOptions } from './EastAsiaMap.js';
import type { RevealFrame } from './revealLayer.js';

type MapModule = typeof import('./EastAsiaMap.js');

let loading: Promise<MapModule> | null = null;
/** Once loaded: a map can then start at once, not after the rest of the game screen has been built. */
let loaded: MapModule | null = null;

/** Starts loading the map (and Phaser) if nothing has yet; safe to call any number of times. */
export function preloadMap(): Promise<MapModule> {
  loading ??= import('./EastAsiaMap.js').then((module) => (loaded = module));
  return loading;
}

export class LazyMap {
  private map: EastAsiaMap | null = null;
  private model: MapModel | null = null;
  private reveal: [RevealFrame | null, RelationOnMap[] | null] = [null, null];
  private destroyed = false;

  constructor(
    private readonly parent: HTMLElement,
    private readonly options: EastAsiaMapOptions,
  ) {
    if (loaded) this.start(loaded);
    else preloadMap().then((module) => this.start(module), (error: unknown) => console.error('the map could not be loaded', error));
  }

  /** The model is kept until the map exists, so it opens on the latest one. */
  update(model: MapModel): void {
    this.model = model;
    this.map?.update(model);
  }

  /** A step of the reveal on the map (kept until the map exists), or null for none. */
  showReveal(frame: RevealFrame | null, relations: RelationOnMap[] | null): void {
    this.reveal = [frame, relations];
    this.map?.showReveal(frame, relations);
  }

  screenPositionOf(theatreId: string): { x: number; y: number } | null {
    return this.map?.screenPositionOf(theatreId) ?? null;
  }

  destroy(): void {
    this.destroyed = true;
    this.map?.destroy();
  }

  private start({ EastAsiaMap }: MapModule): void {
    if (this.destroyed) return;
    this.map = new EastAsiaMap(this.parent, this.options);
    if (this.model) this.map.update(this.model);
    if (this.reveal[0] || this.reveal[1]) this.map.showReveal(...this.reveal);
  }
}
