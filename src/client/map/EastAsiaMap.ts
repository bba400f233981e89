/**
 * The East Asia map: a Phaser game in the given element, with the DOM overlay for
 * everything that is read. The rest of the client talks only to this class.
 *
 * The canvas is sized in device pixels and shown at CSS size (Phaser's NONE scale
 * mode with zoom 1 / devicePixelRatio), following the parent with a ResizeObserver:
 * Phaser's RESIZE mode would size the canvas in CSS pixels, and on a high-DPI screen
 * the browser would then stretch the whole map and blur every coastline.
 */
import Phaser from 'phaser';
import type { MapModel, RelationOnMap } from '../../view/mapModel.js';
import { MAP_TEXT } from '../../view/text/en.js';
import { EAST_ASIA } from './eastAsiaAsset.js';
import { TheatreHits, labelPoint, theatreAnchor, worldToScreen } from './geometry.js';
import { MapScene } from './MapScene.js';
import { MAP_COLOURS } from './mapStyle.js';
import { MapOverlay } from './overlay.js';
import type { RevealFrame } from './revealLayer.js';

export interface EastAsiaMapOptions {
  onSelectTheatre: (id: string) => void;
  /** No animated pans or zooms (the player asked the system for reduced motion). */
  reducedMotion: boolean;
}

export class EastAsiaMap {
  /** Resolves after the first frame with the map drawn. */
  readonly ready: Promise<void>;
  private readonly game: Phaser.Game;
  private readonly scene: MapScene;
  private readonly overlay: MapOverlay;
  private readonly hits = new TheatreHits(EAST_ASIA);
  private readonly resizeObserver: ResizeObserver;
  private pixelRatio = window.devicePixelRatio || 1;
  private ratioQuery: MediaQueryList | null = null;
  private model: MapModel | null = null;
  /** The last model as JSON: the game screen passes one on every redraw, mostly unchanged. */
  private modelKey = '';
  /** While a step of the reveal is shown: the relations as they stood after it, instead of now. */
  private revealRelations: RelationOnMap[] | null = null;

  constructor(
    private readonly parent: HTMLElement,
    options: EastAsiaMapOptions,
  ) {
    if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
    let resolveReady: () => void = () => {};
    this.ready = new Promise((resolve) => (resolveReady = resolve));
    this.overlay = new MapOverlay(parent, EAST_ASIA, {
      onSelect: options.onSelectTheatre,
      onHover: (id) => this.scene.setOutsideHover(id),
      onZoom: (direction) => this.scene.zoom(direction),
    });
    this.scene = new MapScene({
      asset: EAST_ASIA,
      reducedMotion: options.reducedMotion,
      pixelRatio: () => this.pixelRatio,
      onSelect: options.onSelectTheatre,
      onViewChange: (view, viewport) => this.overlay.setView(view, viewport),
      onReady: () => {
        // A signal tests and the client benchmark can see without reaching into the map.
        parent.dataset.mapReady = 'true';
        performance.mark('map-drawn');
        resolveReady();
      },
    });
    const { width, height } = this.cssSize();
    this.game = new Phaser.Game({
      // The canvas renderer: every frame only copies one or two pictures that the 2D canvas
      // painted (see MapScene), which WebGL does no faster on a GPU and far slower without
      // one (software WebGL reads each frame back for the page); the WebGL renderer is
      // then left out of the bundle too (phaserCore.ts).
      type: Phaser.CANVAS,
      parent,
      width: Math.round(width * this.pixelRatio),
      height: Math.round(height * this.pixelRatio),
      backgroundColor: MAP_COLOURS.frame,
      banner: false,
      audio: { noAudio: true },
      scale: { mode: Phaser.Scale.NONE, zoom: 1 / this.pixelRatio },
      // Two pointers for pinch zoom; keys are read on the canvas itself, not on the whole window.
      input: { activePointers: 2, keyboard: false },
      scene: this.scene,
    });
    this.game.events.once(Phaser.Core.Events.READY, () => this.prepareCanvas());
    parent.addEventListener('wheel', this.onWheel, { passive: false });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(parent);
    this.watchPixelRatio();
  }

  update(model: MapModel): void {
    const key = JSON.stringify(model);
    if (key === this.modelKey) return;
    this.modelKey = key;
    this.model = model;
    this.overlay.setModel(model);
    this.scene.setModel(this.shownModel(model));
  }

  /** A step of the reveal: its marks over the map and the relations as they stood after it; null goes back to now. */
  showReveal(frame: RevealFrame | null, relations: RelationOnMap[] | null): void {
    this.overlay.showReveal(frame);
    const key = JSON.stringify(relations);
    if (key === JSON.stringify(this.revealRelations)) return;
    this.revealRelations = relations;
    if (this.model) this.scene.setModel(this.shownModel(this.model));
  }

  private shownModel(model: MapModel): MapModel {
    return this.revealRelations ? { ...model, relations: this.revealRelations } : model;
  }

  /** Page coordinates (CSS px) of a point where a click selects the theatre: its name, or inside its region. */
  screenPositionOf(theatreId: string): { x: number; y: number } | null {
    const anchor = theatreAnchor(EAST_ASIA, theatreId, this.model?.theatres.find((t) => t.id === theatreId)?.anchor ?? null);
    if (!anchor) return null;
    const region = EAST_ASIA.theatres.find((t) => t.id === theatreId);
    const point = region && !this.hits.contains(theatreId, anchor) ? labelPoint(region.rings) : anchor;
    const { view, viewport } = this.scene.currentView();
    const [x, y] = worldToScreen(view, viewport, point);
    const box = this.game.canvas.getBoundingClientRect();
    return { x: box.left + window.scrollX + x, y: box.top + window.scrollY + y };
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.parent.removeEventListener('wheel', this.onWheel);
    this.ratioQuery?.removeEventListener('change', this.onRatioChange);
    this.overlay.destroy();
    this.game.destroy(true);
  }

  private cssSize(): { width: number; height: number } {
    const { width, height } = this.parent.getBoundingClientRect();
    return { width: Math.max(1, width), height: Math.max(1, height) };
  }

  private prepareCanvas(): void {
    const canvas = this.game.canvas;
    canvas.tabIndex = 0;
    canvas.classList.add('tm-canvas');
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-label', MAP_TEXT.canvasLabel);
  }

  private resize(): void {
    const { width, height } = this.cssSize();
    const scale = this.game.scale;
    const ratioChanged = scale.zoom !== 1 / this.pixelRatio;
    const deviceWidth = Math.round(width * this.pixelRatio);
    const deviceHeight = Math.round(height * this.pixelRatio);
    if (!ratioChanged && deviceWidth === scale.width && deviceHeight === scale.height) return;
    if (ratioChanged) scale.setZoom(1 / this.pixelRatio);
    scale.resize(deviceWidth, deviceHeight);
    this.scene.resized();
  }

  /** On the parent rather than the canvas, so the wheel zooms over theatre names too. */
  private readonly onWheel = (event: WheelEvent): void => {
    event.preventDefault();
    const box = this.game.canvas.getBoundingClientRect();
    // Lines (Firefox) and pages are turned into pixels, roughly as browsers scroll them.
    const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? box.height : 1;
    this.scene.wheel([event.clientX - box.left, event.clientY - box.top], event.deltaY * unit);
  };

  /** Moving the window to another screen changes devicePixelRatio without resizing anything. */
  private watchPixelRatio(): void {
    this.ratioQuery?.removeEventListener('change', this.onRatioChange);
    this.ratioQuery = window.matchMedia(`(resolution: ${this.pixelRatio}dppx)`);
    this.ratioQuery.addEventListener('change', this.onRatioChange);
  }

  private readonly onRatioChange = (): void => {
    this.pixelRatio = window.devicePixelRatio || 1;
    this.watchPixelRatio();
    this.resize();
  };
}
