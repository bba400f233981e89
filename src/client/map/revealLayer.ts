/**
 * The reveal on the map: each order of the step shown as an arrow between capitals and
 * theatres (engage, pressure, aid, a force moving) or a badge on a capital (a card, a
 * build, a hold), in the power's colour with a dark casing, its kind told by the line's
 * shape and by a label, never by colour alone.
 *
 * It is drawn in the DOM over the canvas, like the names (overlay.ts): an SVG for the
 * lines and positioned labels for the words. The canvas is not touched, so the map's
 * loop stays asleep; the browser composites the drawing-on (a CSS animation of each
 * line's dash offset, staggered) with no script running per frame. A pan or zoom
 * recomputes a few paths, as it moves the names.
 */
import type { PowerId } from '../../game/powers.js';
import type { MarkPlace, RevealMark } from '../../view/revealSteps.js';
import { POWER_STYLE } from '../../view/palette.js';
import { POWER_NAME } from '../../view/text/en.js';
import { REVEAL_MARK } from '../../view/text/en-reveal.js';
import { worldToScreen, type Point, type Size, type View } from './geometry.js';
import { MAP_COLOURS } from './mapStyle.js';
import { arrowShape, pathData } from './revealGeometry.js';

/** What the map shows of one step of the reveal. */
export interface RevealFrame {
  marks: readonly RevealMark[];
  /** Labels beside the arrows; the overview of every order leaves them out, where they would crowd. */
  labels: boolean;
  /** Draw the marks on one after another; otherwise (reduced motion) all at once. */
  animate: boolean;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Space kept free around a capital's marker and before a theatre's name, in CSS px. */
const TRIM = { power: 11, theatre: 16 } as const;
/**
 * How long each mark takes to draw on, how far apart their starts are, and the latest
 * start (ms). Every frame of drawing-on repaints the lines, so a step's drawing is kept
 * to about a second however many orders it has.
 */
export const DRAW_MS = 500;
const STAGGER_MS = 90;
const LAST_START_MS = 540;

interface LineStyle {
  width: number;
  zigzag?: number;
  /** A pale line down the middle (aid: a road that carries something). */
  inner?: boolean;
}

const STYLE: Record<RevealMark['kind'], LineStyle> = {
  engage: { width: 3.5 },
  pressure: { width: 2.5, zigzag: 4 },
  sanction: { width: 2.5, zigzag: 4 },
  aid: { width: 6, inner: true },
  deploy: { width: 4.5 },
  withdraw: { width: 4.5 },
  card: { width: 2.5 },
  build: { width: 0 },
  hold: { width: 0 },
};

/** Below this map width (CSS px, a phone) the arrows go without labels: the panel under the map says them. */
const LABELS_FROM_WIDTH = 520;

/** Where along its arrow a label sits, taking turns. */
const LABEL_AT = [0.5, 0.64, 0.36, 0.75, 0.25];

interface Drawn {
  mark: RevealMark;
  /** Its place among the frame's arrows. */
  order: number;
  /** Arrows the same way between the same places, counted, so each bows a little further out. */
  lane: number;
  casing?: SVGPathElement;
  line?: SVGPathElement;
  inner?: SVGPathElement;
  head?: SVGPathElement;
  label?: HTMLElement;
}

export class RevealLayer {
  private readonly svg: SVGSVGElement;
  private readonly words: HTMLDivElement;
  private drawn: Drawn[] = [];
  private view: View | null = null;
  private viewport: Size = { width: 0, height: 0 };

  constructor(
    private readonly placeOf: (place: MarkPlace) => { at: Point; edge: 'west' | 'east' | null } | null,
    below: HTMLElement,
  ) {
    injectStyle();
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.classList.add('tm-reveal');
    this.svg.setAttribute('aria-hidden', 'true');
    this.words = document.createElement('div');
    this.words.className = 'tm-reveal-words';
    // The panel beside the map says all of it in words; these are for the eye.
    this.words.setAttribute('aria-hidden', 'true');
    // Lines under the theatre names, so a name stays readable; the labels over them.
    below.before(this.svg);
    below.after(this.words);
  }

  show(frame: RevealFrame | null): void {
    this.svg.replaceChildren();
    this.words.replaceChildren();
    this.drawn = [];
    if (!frame) return;
    this.svg.classList.toggle('tm-still', !frame.animate);
    this.words.classList.toggle('tm-still', !frame.animate);
    const lanes = new Map<string, number>();
    const badges = new Map<string, number>();
    frame.marks.forEach((mark, index) => {
      const delay = `${Math.min(index * STAGGER_MS, LAST_START_MS)}ms`;
      const drawn: Drawn = { mark, lane: 0, order: index };
      const colour = POWER_STYLE[mark.power].colour;
      if (mark.to) {
        const key = `${placeKey(mark.from)}>${placeKey(mark.to)}`;
        drawn.lane = lanes.get(key) ?? 0;
        lanes.set(key, drawn.lane + 1);
        const style = STYLE[mark.kind];
        drawn.casing = this.path('tm-reveal-casing', MAP_COLOURS.ink, style.width + 3, delay);
        drawn.line = this.path('tm-reveal-line', colour, style.width, delay);
        if (style.inner) drawn.inner = this.path('tm-reveal-line', '#ffffff', style.width / 3, delay);
        drawn.head = this.path('tm-reveal-head', colour, 1.5, delay, MAP_COLOURS.ink);
        if (mark.mutual || mark.cancelled) drawn.line.classList.add('tm-reveal-faint');
        if (frame.labels) drawn.label = this.label(mark, colour, delay, 'tm-reveal-label');
      } else {
        // Badges stack under their capital.
        const key = placeKey(mark.from);
        drawn.lane = badges.get(key) ?? 0;
        badges.set(key, drawn.lane + 1);
        drawn.label = this.label(mark, colour, delay, 'tm-reveal-badge');
      }
      if (mark.cancelled) drawn.label?.classList.add('tm-reveal-cancelled');
      this.drawn.push(drawn);
    });
    this.layout();
  }

  setView(view: View, viewport: Size): void {
    this.view = view;
    this.viewport = viewport;
    this.layout();
  }

  private layout(): void {
    const view = this.view;
    if (!view || this.drawn.length === 0) return;
    this.svg.setAttribute('viewBox', `0 0 ${this.viewport.width} ${this.viewport.height}`);
    this.words.classList.toggle('tm-narrow', this.viewport.width < LABELS_FROM_WIDTH);
    const screen = (p: Point) => worldToScreen(view, this.viewport, p);
    for (const drawn of this.drawn) {
      const { mark } = drawn;
      const from = this.placeOf(mark.from);
      if (!from) continue;
      if (!mark.to) {
        const [x, y] = screen(from.at);
        // An off-map capital sits on the map's edge: its badges go inward.
        const shift = from.edge === 'east' ? 'calc(-100% - 14px)' : from.edge === 'west' ? '14px' : '-50%';
        drawn.label!.style.transform = `translate(${x.toFixed(1)}px, ${(y - 34 - drawn.lane * 24).toFixed(1)}px) translateX(${shift})`;
        continue;
      }
      const to = this.placeOf(mark.to);
      if (!to) continue;
      const style = STYLE[mark.kind];
      const shape = arrowShape(screen(from.at), screen(to.at), {
        bow: 0.12 + drawn.lane * 0.09,
        // Labels of arrows leaving one capital sit at different points along them, not all at the middle.
        labelAt: LABEL_AT[drawn.order % LABEL_AT.length]!,
        trim: [trimOf(mark.from), trimOf(mark.to)],
        head: 9 + style.width * 1.2,
        ...(style.zigzag ? { zigzag: style.zigzag } : {}),
      });
      const visible = shape !== null;
      for (const part of [drawn.casing, drawn.line, drawn.inner, drawn.head]) part?.setAttribute('visibility', visible ? 'visible' : 'hidden');
      if (drawn.label) drawn.label.hidden = !visible;
      if (!shape) continue;
      const line = pathData(shape.line);
      for (const part of [drawn.casing, drawn.line, drawn.inner]) part?.setAttribute('d', line);
      drawn.head?.setAttribute('d', pathData(shape.head, true));
      if (drawn.label) drawn.label.style.transform = `translate(${shape.label[0].toFixed(1)}px, ${shape.label[1].toFixed(1)}px) translate(-50%, -50%)`;
    }
  }

  private path(className: string, colour: string, width: number, delay: string, outline?: string): SVGPathElement {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('class', className);
    path.setAttribute('pathLength', '1');
    path.style.setProperty('--delay', delay);
    if (className === 'tm-reveal-head') {
      path.setAttribute('fill', colour);
      path.setAttribute('stroke', outline ?? 'none');
    } else {
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', colour);
    }
    path.setAttribute('stroke-width', String(width));
    this.svg.append(path);
    return path;
  }

  private label(mark: RevealMark, colour: string, delay: string, className: string): HTMLElement {
    const label = document.createElement('div');
    label.className = className;
    label.style.setProperty('--delay', delay);
    label.style.setProperty('--power', colour);
    label.dataset['power'] = mark.power;
    label.dataset['kind'] = mark.kind;
    // A badge names its power (the colour repeats it); an arrow's power is the capital it leaves.
    label.textContent = mark.to ? mark.label : REVEAL_MARK.onCapital(POWER_NAME[mark.power], mark.label);
    this.words.append(label);
    return label;
  }
}

function placeKey(place: MarkPlace): string {
  return 'power' in place ? place.power : place.theatre;
}

function trimOf(place: MarkPlace): number {
  return 'power' in place ? TRIM.power : TRIM.theatre;
}

/** For the layer's owner: where a capital is, given the asset's places. */
export function capitalOf(places: readonly { power: PowerId; x: number; y: number; edge: 'west' | 'east' | null }[], power: PowerId) {
  const place = places.find((p) => p.power === power);
  return place ? { at: [place.x, place.y] as Point, edge: place.edge } : null;
}

function injectStyle(): void {
  if (document.getElementById('tm-reveal-style')) return;
  const style = document.createElement('style');
  style.id = 'tm-reveal-style';
  style.textContent = `
.tm-reveal { position: absolute; inset: 0; width: 100%; height: 100%; overflow: visible; pointer-events: none; }
.tm-reveal path { stroke-linecap: round; stroke-linejoin: round; }
.tm-reveal-casing { opacity: .75; }
.tm-reveal-faint { stroke-opacity: .95; }
.tm-reveal-words { position: absolute; inset: 0; pointer-events: none; }
.tm-reveal-words > * { position: absolute; left: 0; top: 0; white-space: nowrap; will-change: transform; }
.tm-reveal-label, .tm-reveal-badge { font-size: 12px; font-weight: 700; line-height: 1.2; color: ${MAP_COLOURS.ink}; background: #fff; border: 2px solid var(--power); border-radius: 10px; padding: 1px 7px; box-shadow: 0 1px 3px rgba(0,0,0,.35); }
.tm-reveal-badge { border-radius: 4px; border-left-width: 7px; }
.tm-reveal-cancelled { text-decoration: line-through; }
.tm-compact .tm-reveal-label, .tm-compact .tm-reveal-badge { font-size: 10px; padding: 0 5px; }
.tm-narrow .tm-reveal-label { display: none; }
@media (prefers-reduced-motion: no-preference) {
  .tm-reveal:not(.tm-still) .tm-reveal-casing, .tm-reveal:not(.tm-still) .tm-reveal-line { stroke-dasharray: 1 1; stroke-dashoffset: 1; animation: tm-draw ${DRAW_MS}ms ease-out var(--delay) forwards; }
  .tm-reveal:not(.tm-still) .tm-reveal-head { opacity: 0; animation: tm-appear 160ms ease-out calc(var(--delay) + ${DRAW_MS - 120}ms) forwards; }
  .tm-reveal-words:not(.tm-still) > * { opacity: 0; animation: tm-appear 220ms ease-out calc(var(--delay) + ${Math.round(DRAW_MS / 2)}ms) forwards; }
}
@keyframes tm-draw { to { stroke-dashoffset: 0; } }
@keyframes tm-appear { to { opacity: 1; } }
`;
  document.head.append(style);
}
