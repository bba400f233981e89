/**
 * The Phaser scene of the East Asia map.
 *
 * The coastlines are painted into canvas textures (see baseMap.ts) and only the things
 * that change live in Graphics: theatre highlights, relation lines and capital markers.
 * A "back" texture holds the whole map at the resolution the full view needs, so a pan
 * never uncovers emptiness; once zooming or panning settles, a "front" pair (sea, land)
 * is painted for just the visible part at zoom × devicePixelRatio, aligned to device
 * pixels, so the map stays crisp on high-DPI screens at any zoom.
 *
 * The camera works in canvas units: zoom = CSS px per unit × devicePixelRatio, because
 * the game canvas is sized in device pixels (see EastAsiaMap).
 */
import Phaser from 'phaser';
import type { MapAsset, MapRing } from '../../view/mapAsset.js';
import type { MapModel, RelationOnMap } from '../../view/mapModel.js';
import { POWER_STYLE } from '../../view/palette.js';
import { paintLand, paintSea, type Paint } from './baseMap.js';
import {
  TheatreHits,
  clampView,
  fitView,
  growRect,
  lerpView,
  panBy,
  rectCovers,
  visibleRect,
  zoomAt,
  zoomLimits,
  type Point,
  type Rect,
  type Size,
  type View,
} from './geometry.js';
import { MAP_COLOURS, MAP_SIZES, hexToNumber } from './mapStyle.js';
import { arc, dashes, pointsAlong, zigzag, type Polyline } from './strokes.js';

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
/** A press that moves less than this (CSS px) is a click, not a drag. */
const DRAG_THRESHOLD = 5;
const KEY_ZOOM = 1.5;
const KEY_PAN = 0.15;
/** Bigger textures cost memory for no gain on any screen we expect. */
const TEXTURE_CAP = 8192;
/** Frames drawn after the last change before the game loop sleeps: a still map costs no CPU or GPU. */
const IDLE_FRAMES = 3;

type Depth = 'back' | 'seaFront' | 'seaHighlight' | 'landFront' | 'landHighlight' | 'relations' | 'markers' | 'zones';
const DEPTH: Record<Depth, number> = {
  back: 0,
  seaFront: 1,
  seaHighlight: 2,
  landFront: 3,
  landHighlight: 4,
  relations: 5,
  markers: 6,
  zones: 7,
};

interface Front {
  paint: Paint;
  sea: string;
  land: string;
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

  private backImage!: Phaser.GameObjects.Image;
  private seaFront!: Phaser.GameObjects.Image;
  private landFront!: Phaser.GameObjects.Image;
  private seaHighlight!: Phaser.GameObjects.Graphics;
  private landHighlight!: Phaser.GameObjects.Graphics;
  private relations!: Phaser.GameObjects.Graphics;
  private markers!: Phaser.GameObjects.Graphics;
  private front: Front | null = null;
  private textureSerial = 0;

  private lastChange = 0;
  private settled = true;
  private idleFrames = 0;
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
    this.paintBack();
    this.seaFront = this.add.image(0, 0, '__DEFAULT').setOrigin(0).setDepth(DEPTH.seaFront).setVisible(false);
    this.landFront = this.add.image(0, 0, '__DEFAULT').setOrigin(0).setDepth(DEPTH.landFront).setVisible(false);
    this.seaHighlight = this.add.graphics().setDepth(DEPTH.seaHighlight);
    this.landHighlight = this.add.graphics().setDepth(DEPTH.landHighlight);
    this.relations = this.add.graphics().setDepth(DEPTH.relations);
    this.markers = this.add.graphics().setDepth(DEPTH.markers);
    this.addTheatreZones();
    this.listen();
    this.created = true;
    this.applyView(this.view);
    this.drawHighlights();
    this.drawRelations();
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
    if (this.animation || !this.settled) this.idleFrames = 0;
    else if (++this.idleFrames > IDLE_FRAMES && this.shown) this.game.loop.sleep();
  }

  /** Something changed on screen: run the loop until it is drawn and settled. */
  private wake(): void {
    this.idleFrames = 0;
    if (!this.game.loop.running) this.game.loop.wake();
  }

  // -------------------------------------------------------------------------
  // Called by EastAsiaMap
  // -------------------------------------------------------------------------

  setModel(model: MapModel): void {
    this.model = model;
    if (!this.created) return;
    this.drawHighlights();
    this.drawRelations();
    this.wake();
  }

  /** A theatre name in the DOM is hovered or focused. */
  setOutsideHover(id: string | null): void {
    this.hoveredFromOutside = id;
    if (!this.created) return;
    this.drawHighlights();
    this.wake();
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
    this.front = null;
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

  private applyView(target: View): void {
    const previousScale = this.view.scale;
    this.view = this.clamp(target);
    const camera = this.cameras.main;
    camera.setZoom(this.view.scale * this.options.pixelRatio());
    camera.centerOn(this.view.cx, this.view.cy);
    if (this.view.scale !== previousScale) {
      // Line widths are in screen pixels, so they are redrawn when the scale changes.
      this.drawHighlights();
      this.drawRelations();
    }
    this.lastChange = performance.now();
    this.settled = false;
    this.wake();
    this.options.onViewChange(this.view, this.viewport);
  }

  // -------------------------------------------------------------------------
  // Textures
  // -------------------------------------------------------------------------

  private maxTexture(): number {
    const reported = (this.game.config as { maxTextureSize?: number }).maxTextureSize;
    return Math.min(TEXTURE_CAP, reported && reported > 0 ? reported : 4096);
  }

  /** The whole map at the resolution of the whole-map view: the fallback under everything. */
  private paintBack(): void {
    const ratio = this.options.pixelRatio();
    const fit = zoomLimits(this.map, this.viewport, MAX_ZOOM).min;
    const resolution = Math.min(fit * ratio, this.maxTexture() / Math.max(this.map.width, this.map.height));
    const region = { x: 0, y: 0, ...this.map };
    const key = this.paintTexture(region, resolution, fit, ['sea', 'land']);
    if (this.backImage) {
      const old = this.backImage.texture.key;
      this.backImage.setTexture(key);
      this.textures.remove(old);
    } else {
      this.backImage = this.add.image(0, 0, key).setOrigin(0).setDepth(DEPTH.back);
    }
    this.backImage.setScale(1 / resolution);
  }

  /** What the front layer should cover now: the view and a margin, aligned to device pixels. */
  private frontPaint(): Paint {
    const ratio = this.options.pixelRatio();
    const resolution = this.view.scale * ratio;
    const mapRect: Rect = { x: 0, y: 0, ...this.map };
    let region = growRect(visibleRect(this.view, this.viewport), 0.1, mapRect);
    const cap = this.maxTexture();
    if (region.width * resolution > cap || region.height * resolution > cap) region = growRect(visibleRect(this.view, this.viewport), 0, mapRect);
    const fitted = Math.min(resolution, cap / region.width, cap / region.height);
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
    const { paint } = this.front;
    const mapRect: Rect = { x: 0, y: 0, ...this.map };
    const visible = growRect(visibleRect(this.view, this.viewport), 0, mapRect);
    const offset = (paint.region.x - wanted.region.x) * wanted.resolution;
    const offsetY = (paint.region.y - wanted.region.y) * wanted.resolution;
    const aligned = Math.abs(offset - Math.round(offset)) < 0.02 && Math.abs(offsetY - Math.round(offsetY)) < 0.02;
    return !rectCovers(paint.region, visible) || Math.abs(paint.resolution / wanted.resolution - 1) > 0.005 || !aligned;
  }

  private paintFront(): void {
    const paint = this.frontPaint();
    const sea = this.paintTexture(paint.region, paint.resolution, paint.scale, ['sea']);
    const land = this.paintTexture(paint.region, paint.resolution, paint.scale, ['land']);
    const old = this.front;
    for (const [image, key] of [[this.seaFront, sea], [this.landFront, land]] as const) {
      image.setTexture(key).setPosition(paint.region.x, paint.region.y).setScale(1 / paint.resolution).setVisible(true);
    }
    if (old) {
      this.textures.remove(old.sea);
      this.textures.remove(old.land);
    }
    this.front = { paint, sea, land };
  }

  private paintTexture(region: Rect, resolution: number, scale: number, layers: ('sea' | 'land')[]): string {
    const key = `east-asia-map-${++this.textureSerial}`;
    const width = Math.max(1, Math.ceil(region.width * resolution));
    const height = Math.max(1, Math.ceil(region.height * resolution));
    const texture = this.textures.createCanvas(key, width, height);
    if (!texture) throw new Error(`map texture ${key} could not be created`);
    const ctx = texture.getContext();
    const paint: Paint = { region, resolution, scale };
    if (layers.includes('sea')) paintSea(ctx, this.asset, paint);
    if (layers.includes('land')) paintLand(ctx, this.asset, paint);
    texture.refresh();
    return key;
  }

  // -------------------------------------------------------------------------
  // Live drawing: highlights, relations, capitals
  // -------------------------------------------------------------------------

  private drawHighlights(): void {
    this.seaHighlight.clear();
    this.landHighlight.clear();
    const selected = this.model?.theatres.find((t) => t.selected)?.id ?? null;
    const hovered = this.hoveredFromOutside ?? this.hovered;
    const px = 1 / this.view.scale;
    for (const [id, width, alpha] of [
      [hovered, MAP_SIZES.hover, 0.22],
      [selected, MAP_SIZES.selected, 0.38],
    ] as const) {
      const theatre = id ? this.asset.theatres.find((t) => t.id === id) : undefined;
      if (!theatre) continue;
      const graphics = theatre.surface === 'sea' ? this.seaHighlight : this.landHighlight;
      graphics.fillStyle(hexToNumber(MAP_COLOURS.highlight), alpha);
      for (const ring of theatre.rings) graphics.fillPoints(vectors(ring), true);
      // A dark casing under the yellow line: the outline reads on pale sea and land alike.
      graphics.lineStyle((width + 2.5) * px, hexToNumber(MAP_COLOURS.highlightCasing), 0.85);
      for (const ring of theatre.rings) graphics.strokePoints(vectors(ring), true, true);
      graphics.lineStyle(width * px, hexToNumber(MAP_COLOURS.highlight), 1);
      for (const ring of theatre.rings) graphics.strokePoints(vectors(ring), true, true);
    }
  }

  private drawRelations(): void {
    this.relations.clear();
    this.markers.clear();
    const px = 1 / this.view.scale;
    const placeOf = new Map(this.asset.places.map((p) => [p.power, [p.x, p.y] as Point]));
    for (const relation of this.model?.relations ?? []) {
      const a = placeOf.get(relation.a);
      const b = placeOf.get(relation.b);
      if (a && b) this.drawRelation(relation, arc(a, b, 0.06), px);
    }
    for (const place of this.asset.places) {
      const colour = hexToNumber(POWER_STYLE[place.power].colour);
      const r = MAP_SIZES.placeRadius * px;
      if (place.edge) {
        // An arrowhead pointing past the edge: the capital lies that way.
        const dir = place.edge === 'east' ? 1 : -1;
        this.markers.fillStyle(hexToNumber(MAP_COLOURS.ink), 1);
        this.markers.fillTriangle(place.x + dir * r * 2.4, place.y, place.x + dir * r * 0.6, place.y - r * 1.3, place.x + dir * r * 0.6, place.y + r * 1.3);
      }
      this.markers.fillStyle(hexToNumber(MAP_COLOURS.ink), 1);
      this.markers.fillCircle(place.x, place.y, r + 2 * px);
      this.markers.fillStyle(colour, 1);
      this.markers.fillCircle(place.x, place.y, r);
      this.markers.fillStyle(0xffffff, 1);
      this.markers.fillCircle(place.x, place.y, r * 0.38);
    }
  }

  /** Width and pattern carry the value; colour only repeats it (hostile is also red). */
  private drawRelation(relation: RelationOnMap, line: Polyline, px: number): void {
    const g = this.relations;
    const ink = hexToNumber(MAP_COLOURS.ink);
    const casing = hexToNumber('#ffffff');
    const width = MAP_SIZES.relation[relation.style] * px;
    const casingWidth = width + MAP_SIZES.relationCasing * 2 * px;
    const stroke = (lines: Polyline[], w: number, colour: number, alpha: number) => {
      g.lineStyle(w, colour, alpha);
      for (const l of lines) if (l.length > 1) g.strokePoints(vectors(l), false, false);
    };
    switch (relation.style) {
      case 'allied':
      case 'friendly':
        stroke([line], casingWidth, casing, 0.6);
        stroke([line], width, ink, 1);
        break;
      case 'cool': {
        const cut = dashes(line, 9 * px, 6 * px);
        stroke(cut, casingWidth, casing, 0.6);
        stroke(cut, width, ink, 1);
        break;
      }
      case 'neutral': {
        // Phaser lines have no round caps, so dots are discs.
        for (const [x, y] of pointsAlong(line, 7 * px)) {
          g.fillStyle(casing, 0.6);
          g.fillCircle(x, y, width * 0.8 + MAP_SIZES.relationCasing * px * 0.6);
          g.fillStyle(ink, 1);
          g.fillCircle(x, y, width * 0.8);
        }
        break;
      }
      case 'hostile': {
        const zig = zigzag(line, 3.5 * px, 10 * px);
        stroke([zig], casingWidth, casing, 0.6);
        stroke([zig], width, hexToNumber(MAP_COLOURS.hostile), 1);
        break;
      }
    }
  }

  // -------------------------------------------------------------------------
  // Input
  // -------------------------------------------------------------------------

  /**
   * One zone per theatre over its bounding box, with a hit test over all of its
   * outlines (a plain object as the first argument of setInteractive would be read
   * as a config and crash on hover).
   */
  private addTheatreZones(): void {
    for (const theatre of this.asset.theatres) {
      const bounds = this.hits.bounds(theatre.id);
      if (!bounds || bounds.width === 0) continue;
      const zone = this.add.zone(bounds.x, bounds.y, bounds.width, bounds.height).setOrigin(0).setDepth(DEPTH.zones);
      zone.setName(theatre.id);
      zone.setInteractive({
        hitArea: new Phaser.Geom.Rectangle(0, 0, bounds.width, bounds.height),
        hitAreaCallback: (_area: unknown, x: number, y: number) => this.hits.contains(theatre.id, [x + bounds.x, y + bounds.y]),
        useHandCursor: true,
      });
    }
  }

  private listen(): void {
    this.input.on(Phaser.Input.Events.GAMEOBJECT_OVER, (_p: Phaser.Input.Pointer, zone: Phaser.GameObjects.GameObject) => {
      this.hovered = zone.name;
      this.drawHighlights();
      this.wake();
    });
    const leave = (zone: Phaser.GameObjects.GameObject | null) => {
      if (zone === null || this.hovered === zone.name) this.hovered = null;
      this.drawHighlights();
      this.wake();
    };
    this.input.on(Phaser.Input.Events.GAMEOBJECT_OUT, (_p: Phaser.Input.Pointer, zone: Phaser.GameObjects.GameObject) => leave(zone));
    // Leaving the canvas altogether (onto a name, off the page) ends the hover too.
    this.input.on(Phaser.Input.Events.GAME_OUT, () => leave(null));
    this.input.on(Phaser.Input.Events.POINTER_DOWN, (pointer: Phaser.Input.Pointer) => this.pointerDown(pointer));
    this.input.on(Phaser.Input.Events.POINTER_MOVE, (pointer: Phaser.Input.Pointer) => this.pointerMove(pointer));
    this.input.on(Phaser.Input.Events.POINTER_UP, (_p: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]) => this.pointerUp(over));
    const canvas = this.game.canvas;
    canvas.addEventListener('keydown', this.onKey);
    this.events.once(Phaser.Scenes.Events.DESTROY, () => canvas.removeEventListener('keydown', this.onKey));
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

  private pointerUp(over: Phaser.GameObjects.GameObject[]): void {
    if (this.pinch) {
      // Lifting one finger of a pinch ends it without a click.
      if (!this.twoPointers()) this.pinch = null;
      this.drag = null;
      return;
    }
    const click = this.drag && !this.drag.moved;
    this.drag = null;
    if (!click) return;
    const id = over[0]?.name;
    if (id) this.options.onSelect(id);
  }
}

function vectors(points: readonly Point[] | MapRing): Phaser.Math.Vector2[] {
  return points.map(([x, y]) => new Phaser.Math.Vector2(x, y));
}

function midpoint(a: Point, b: Point): Point {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
