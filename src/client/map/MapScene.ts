/**
 * The Phaser scene of the East Asia map.
 *
 * Everything drawn is painted with the canvas 2D API into two pictures (picture.ts),
 * each shown as one texture: a "back" picture of the whole map at the resolution the
 * full view needs, so a pan never uncovers emptiness, and once zooming or panning
 * settles a "front" picture of the visible part and a margin at zoom × devicePixelRatio,
 * aligned to device pixels, so the map stays crisp on high-DPI screens at any zoom.
 * A pan or zoom only moves the camera over these pictures, so a frame is one or two
 * image copies (EastAsiaMap uses Phaser's canvas renderer for that reason). While
 * the front covers the view the back is not drawn at all, nor kept up to date.
 * Highlights and relations are composed into the pictures on screen when they change,
 * at most once per frame.
 *
 * The camera works in canvas units: zoom = CSS px per unit × devicePixelRatio, because
 * the game canvas is sized in device pixels (see EastAsiaMap).
 */
import Phaser from 'phaser';
import type { MapAsset } from '../../view/mapAsset.js';
import type { MapModel } from '../../view/mapModel.js';
import type { Paint } from './baseMap.js';
import {
  TheatreHits,
  clampView,
  fitView,
  growRect,
  lerpView,
  panBy,
  rectCovers,
  screenToWorld,
  visibleRect,
  zoomAt,
  zoomLimits,
  type Point,
  type Rect,
  type Size,
  type View,
} from './geometry.js';
import type { Highlight } from './marks.js';
import { MapPicture, type Marks } from './picture.js';

export interface MapSceneOptions {
  asset: MapAsset;
  reducedMotion: boolean;
  /** The devicePixelRatio the game canvas is sized for. */
  pixelRatio: () => number;
  onSelect(id: string): void;
  onViewChange(view: View, viewport: Size): void;
  onReady(): void;
}

/** How far in the map zooms, as a multiple of the whole-map view. */
const MAX_ZOOM = 6;
/** Quiet time after the last pan or zoom before the crisp front layer is repainted. */
const SETTLE_MS = 140;
const ANIMATION_MS = 200;
/**
 * How far past each side of the view the front picture reaches, as a share of the view.
 * Beyond it a drag shows the back, whose lines are as wide as at the whole-map view and
 * so look thick when zoomed in, until the front is painted again: a wide margin keeps
 * that rare, at the cost of painting 2.25 times the view when a zoom settles.
 */
const FRONT_MARGIN = 0.25;
/** A press that moves less than this (CSS px) is a click, not a drag. */
const DRAG_THRESHOLD = 5;
const KEY_ZOOM = 1.5;
const KEY_PAN = 0.15;
/** Bigger textures cost memory for no gain on any screen we expect. */
const TEXTURE_CAP = 4096;

const DEPTH = { back: 0, front: 1 } as const;

/** A picture on screen: its coastlines, the texture it is composed into, the image showing it, and the marks in it (as a key). */
interface Shown {
  picture: MapPicture;
  texture: Phaser.Textures.CanvasTexture;
  image: Phaser.GameObjects.Image;
  marks: string;
}

export class MapScene extends Phaser.Scene {
  private readonly asset: MapAsset;
  private readonly map: Size;
  private readonly hits: TheatreHits;
  private created = false;
  private view: View = { scale: 1, cx: 0, cy: 0 };
  private viewport: Size = { width: 1, height: 1 };
  private model: MapModel | null = null;
  private hovered: string | null = null;
  private hoveredFromOutside: string | null = null;

  private back: Shown | null = null;
  private front: Shown | null = null;
  private textureSerial = 0;

  private lastChange = 0;
  private settled = true;
  private shown = false;
  private animation: { from: View; to: View; start: number } | null = null;
  private drag: { x: number; y: number; view: View; moved: boolean } | null = null;
  private pinch: { distance: number; middle: Point; view: View } | null = null;

  constructor(private readonly options: MapSceneOptions) {
    super({ key: 'east-asia-map' });
    this.asset = options.asset;
    this.map = { width: options.asset.width, height: options.asset.height };
    this.hits = new TheatreHits(options.asset);
  }

  create(): void {
    this.viewport = this.cssViewport();
    this.view = fitView(this.map, this.viewport);
    this.listen();
    this.created = true;
    this.applyView(this.view);
    this.paintFront();
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      this.shown = true;
      this.options.onReady();
    });
  }

  /** Timings use the page clock: the scene's clock stands still while the loop sleeps. */
  override update(): void {
    const time = performance.now();
    if (this.animation) {
      const t = Math.min(1, (time - this.animation.start) / ANIMATION_MS);
      const eased = 1 - (1 - t) ** 3;
      this.applyView(lerpView(this.animation.from, this.animation.to, eased));
      if (t === 1) this.animation = null;
    }
    if (!this.settled && !this.animation && !this.drag?.moved && !this.pinch && time - this.lastChange > SETTLE_MS) {
      this.settled = true;
      if (this.frontIsStale()) this.paintFront();
    }
    // The whole view is in the front at first: the back is painted after the first frame, not before it.
    if (!this.back && this.shown) this.paintBack();
    // The back only shows where the front does not reach (a pan or zoom out past its margin).
    const backShows = !this.front || !rectCovers(this.front.picture.paint.region, this.visibleOnMap());
    this.back?.image.setVisible(backShows);
    // Not while a drag goes on: the pointer crossing theatres would repaint the picture under every move.
    if (!this.drag?.moved && !this.pinch) {
      const marks = this.marks();
      const key = JSON.stringify(marks);
      for (const shown of [this.front, backShows ? this.back : null]) if (shown && shown.marks !== key) this.compose(shown, marks, key);
    }
    // A still map costs no CPU or GPU: the loop sleeps after the frame that draws the last
    // change (a frame copies whole pictures: none is drawn twice).
    if (!this.animation && this.settled && this.shown) this.game.loop.sleep();
  }

  /** Something changed on screen: run the loop until it is drawn and settled. */
  private wake(): void {
    if (!this.game.loop.running) this.game.loop.wake();
  }

  // -------------------------------------------------------------------------
  // Called by EastAsiaMap
  // -------------------------------------------------------------------------

  setModel(model: MapModel): void {
    this.model = model;
    this.marksChanged();
  }

  /** A theatre name in the DOM is hovered or focused. */
  setOutsideHover(id: string | null): void {
    this.hoveredFromOutside = id;
    this.marksChanged();
  }

  zoom(direction: 'in' | 'out' | 'fit'): void {
    if (!this.created) return;
    if (direction === 'fit') return this.animateTo(fitView(this.map, this.viewport));
    const factor = direction === 'in' ? KEY_ZOOM : 1 / KEY_ZOOM;
    this.animateTo(zoomAt(this.view, factor, [this.viewport.width / 2, this.viewport.height / 2], this.viewport));
  }

  /** A wheel turn over the map (EastAsiaMap listens on the whole map, names included), at a CSS point of the canvas. */
  wheel(at: Point, deltaY: number): void {
    if (!this.created) return;
    this.animation = null;
    const factor = Math.exp(-Math.max(-300, Math.min(300, deltaY)) * 0.0015);
    this.applyView(zoomAt(this.view, factor, at, this.viewport));
  }

  pan(dx: number, dy: number): void {
    if (this.created) this.animateTo(panBy(this.view, -dx * this.viewport.width * KEY_PAN, -dy * this.viewport.height * KEY_PAN));
  }

  /** The game canvas was resized: keep the same zoom relative to the whole-map view, and the same middle. */
  resized(): void {
    if (!this.created) return;
    const before = zoomLimits(this.map, this.viewport, MAX_ZOOM).min;
    this.viewport = this.cssViewport();
    this.cameras.main.setSize(this.scale.width, this.scale.height);
    const after = zoomLimits(this.map, this.viewport, MAX_ZOOM).min;
    this.paintBack();
    this.applyView({ ...this.view, scale: (this.view.scale / before) * after });
    this.paintFront();
  }

  currentView(): { view: View; viewport: Size } {
    return { view: this.view, viewport: this.viewport };
  }

  // -------------------------------------------------------------------------
  // The view
  // -------------------------------------------------------------------------

  private cssViewport(): Size {
    const ratio = this.options.pixelRatio();
    return { width: this.scale.width / ratio, height: this.scale.height / ratio };
  }

  private clamp(view: View): View {
    return clampView(view, this.map, this.viewport, zoomLimits(this.map, this.viewport, MAX_ZOOM));
  }

  private animateTo(target: View): void {
    const to = this.clamp(target);
    if (this.options.reducedMotion) {
      this.animation = null;
      this.applyView(to);
    } else {
      this.animation = { from: this.view, to, start: performance.now() };
      this.wake();
    }
  }

  /** Line widths are in screen pixels: while a zoom goes on the pictures are only stretched, and painted again once it settles. */
  private applyView(target: View): void {
    this.view = this.clamp(target);
    const camera = this.cameras.main;
    camera.setZoom(this.view.scale * this.options.pixelRatio());
    camera.centerOn(this.view.cx, this.view.cy);
    this.lastChange = performance.now();
    this.settled = false;
    this.wake();
    this.options.onViewChange(this.view, this.viewport);
  }

  // -------------------------------------------------------------------------
  // Textures
  // -------------------------------------------------------------------------

  /** The whole map at the resolution of the whole-map view: the fallback under everything. */
  private paintBack(): void {
    const ratio = this.options.pixelRatio();
    const fit = zoomLimits(this.map, this.viewport, MAX_ZOOM).min;
    const resolution = Math.min(fit * ratio, TEXTURE_CAP / Math.max(this.map.width, this.map.height));
    this.back = this.show(new MapPicture(this.asset, { region: { x: 0, y: 0, ...this.map }, resolution, scale: fit }), this.back, DEPTH.back);
  }

  /** What the front layer should cover now: the view and a margin, aligned to device pixels. */
  private frontPaint(): Paint {
    const ratio = this.options.pixelRatio();
    const resolution = this.view.scale * ratio;
    const mapRect: Rect = { x: 0, y: 0, ...this.map };
    let region = growRect(visibleRect(this.view, this.viewport), FRONT_MARGIN, mapRect);
    if (region.width * resolution > TEXTURE_CAP || region.height * resolution > TEXTURE_CAP) region = growRect(visibleRect(this.view, this.viewport), 0, mapRect);
    const fitted = Math.min(resolution, TEXTURE_CAP / region.width, TEXTURE_CAP / region.height);
    if (fitted < resolution) return { region, resolution: fitted, scale: this.view.scale };
    // Snap the corner to a device pixel of the current view so texels land on pixels.
    const toDevice = (world: number, centre: number, length: number) => ((world - centre) * this.view.scale + length / 2) * ratio;
    const fromDevice = (device: number, centre: number, length: number) => (device / ratio - length / 2) / this.view.scale + centre;
    const x = fromDevice(Math.floor(toDevice(region.x, this.view.cx, this.viewport.width)), this.view.cx, this.viewport.width);
    const y = fromDevice(Math.floor(toDevice(region.y, this.view.cy, this.viewport.height)), this.view.cy, this.viewport.height);
    const width = Math.ceil((region.x + region.width - x) * resolution) / resolution;
    const height = Math.ceil((region.y + region.height - y) * resolution) / resolution;
    return { region: { x, y, width, height }, resolution, scale: this.view.scale };
  }

  private frontIsStale(): boolean {
    if (!this.front) return true;
    const wanted = this.frontPaint();
    const { paint } = this.front.picture;
    const offset = (paint.region.x - wanted.region.x) * wanted.resolution;
    const offsetY = (paint.region.y - wanted.region.y) * wanted.resolution;
    const aligned = Math.abs(offset - Math.round(offset)) < 0.02 && Math.abs(offsetY - Math.round(offsetY)) < 0.02;
    return !rectCovers(paint.region, this.visibleOnMap()) || Math.abs(paint.resolution / wanted.resolution - 1) > 0.005 || !aligned;
  }

  /** The part of the map in view (the view can reach past the map's edges when the map is smaller than the canvas). */
  private visibleOnMap(): Rect {
    return growRect(visibleRect(this.view, this.viewport), 0, { x: 0, y: 0, ...this.map });
  }

  private paintFront(): void {
    this.front = this.show(new MapPicture(this.asset, this.frontPaint()), this.front, DEPTH.front);
  }

  /** Puts a freshly painted picture on screen in place of `old`, composed with the current marks. */
  private show(picture: MapPicture, old: Shown | null, depth: number): Shown {
    const key = `east-asia-map-${++this.textureSerial}`;
    const texture = this.textures.createCanvas(key, picture.width, picture.height);
    if (!texture) throw new Error(`map texture ${key} could not be created`);
    const { region, resolution } = picture.paint;
    const image = old?.image ?? this.add.image(0, 0, key).setOrigin(0).setDepth(depth);
    const shown = { picture, texture, image, marks: '' };
    const marks = this.marks();
    this.compose(shown, marks, JSON.stringify(marks));
    image.setTexture(key).setPosition(region.x, region.y).setScale(1 / resolution).setVisible(true);
    if (old) this.textures.remove(old.texture);
    return shown;
  }

  private compose(shown: Shown, marks: Marks, key: string): void {
    shown.picture.compose(shown.texture.getContext(), marks);
    shown.texture.refresh();
    shown.marks = key;
  }

  // -------------------------------------------------------------------------
  // Highlights and relations
  // -------------------------------------------------------------------------

  private marks(): Marks {
    const selected = this.model?.theatres.find((t) => t.selected)?.id ?? null;
    const hovered = this.hoveredFromOutside ?? this.hovered;
    const highlights: Highlight[] = [];
    if (hovered) highlights.push({ id: hovered, kind: 'hover' });
    if (selected) highlights.push({ id: selected, kind: 'selected' });
    return { highlights, relations: this.model?.relations ?? [] };
  }

  private marksChanged(): void {
    if (this.created) this.wake();
  }

  // -------------------------------------------------------------------------
  // Input
  // -------------------------------------------------------------------------

  private listen(): void {
    this.input.on(Phaser.Input.Events.POINTER_DOWN, (pointer: Phaser.Input.Pointer) => this.pointerDown(pointer));
    this.input.on(Phaser.Input.Events.POINTER_MOVE, (pointer: Phaser.Input.Pointer) => this.pointerMove(pointer));
    this.input.on(Phaser.Input.Events.POINTER_UP, (pointer: Phaser.Input.Pointer) => this.pointerUp(pointer));
    // Leaving the canvas altogether (onto a name, off the page) ends the hover too.
    this.input.on(Phaser.Input.Events.GAME_OUT, () => this.setHovered(null));
    const canvas = this.game.canvas;
    canvas.addEventListener('keydown', this.onKey);
    this.events.once(Phaser.Scenes.Events.DESTROY, () => canvas.removeEventListener('keydown', this.onKey));
  }

  /** The theatre under a pointer, by the map's own hit test over the outlines (no Phaser input zones: the core build of Phaser has none). */
  private theatreAt(pointer: Phaser.Input.Pointer): string | null {
    return this.hits.at(screenToWorld(this.view, this.viewport, this.cssPoint(pointer)));
  }

  private setHovered(id: string | null): void {
    if (id === this.hovered) return;
    this.hovered = id;
    this.game.canvas.style.cursor = id ? 'pointer' : '';
    this.marksChanged();
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    const actions: Record<string, () => void> = {
      '+': () => this.zoom('in'),
      '=': () => this.zoom('in'),
      '-': () => this.zoom('out'),
      _: () => this.zoom('out'),
      '0': () => this.zoom('fit'),
      ArrowLeft: () => this.pan(-1, 0),
      ArrowRight: () => this.pan(1, 0),
      ArrowUp: () => this.pan(0, -1),
      ArrowDown: () => this.pan(0, 1),
    };
    const action = actions[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  private cssPoint(pointer: Phaser.Input.Pointer): Point {
    const ratio = this.options.pixelRatio();
    return [pointer.x / ratio, pointer.y / ratio];
  }

  private twoPointers(): [Phaser.Input.Pointer, Phaser.Input.Pointer] | null {
    const { pointer1, pointer2 } = this.input;
    return pointer1?.isDown && pointer2?.isDown ? [pointer1, pointer2] : null;
  }

  private pointerDown(pointer: Phaser.Input.Pointer): void {
    // Phaser cancels the browser's default on press, which would also keep focus away from the canvas.
    this.game.canvas.focus({ preventScroll: true, focusVisible: false });
    this.animation = null;
    const two = this.twoPointers();
    if (two) {
      const [a, b] = two.map((p) => this.cssPoint(p)) as [Point, Point];
      this.pinch = { distance: Math.hypot(a[0] - b[0], a[1] - b[1]), middle: midpoint(a, b), view: this.view };
      this.drag = null;
      return;
    }
    const [x, y] = this.cssPoint(pointer);
    this.drag = { x, y, view: this.view, moved: false };
  }

  private pointerMove(pointer: Phaser.Input.Pointer): void {
    // The hover stays put while the map is dragged.
    if (!this.pinch && !this.drag?.moved) this.setHovered(this.theatreAt(pointer));
    const two = this.twoPointers();
    if (this.pinch && two) {
      const [a, b] = two.map((p) => this.cssPoint(p)) as [Point, Point];
      const middle = midpoint(a, b);
      const distance = Math.hypot(a[0] - b[0], a[1] - b[1]);
      const moved = panBy(this.pinch.view, middle[0] - this.pinch.middle[0], middle[1] - this.pinch.middle[1]);
      this.applyView(zoomAt(moved, distance / Math.max(1, this.pinch.distance), middle, this.viewport));
      return;
    }
    if (!this.drag || !pointer.isDown) return;
    const [x, y] = this.cssPoint(pointer);
    if (!this.drag.moved && Math.hypot(x - this.drag.x, y - this.drag.y) < DRAG_THRESHOLD) return;
    this.drag.moved = true;
    this.applyView(panBy(this.drag.view, x - this.drag.x, y - this.drag.y));
  }

  private pointerUp(pointer: Phaser.Input.Pointer): void {
    if (this.pinch) {
      // Lifting one finger of a pinch ends it without a click.
      if (!this.twoPointers()) this.pinch = null;
      this.drag = null;
      return;
    }
    const click = this.drag && !this.drag.moved;
    this.drag = null;
    if (!click) return;
    const id = this.theatreAt(pointer);
    if (id) this.options.onSelect(id);
  }
}

function midpoint(a: Point, b: Point): Point {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
