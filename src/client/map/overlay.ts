/**
 * Everything on the map that is read rather than looked at, in the DOM over the
 * canvas: theatre names (buttons, so a keyboard can choose a theatre), force counters,
 * capitals, country and sea names, the relations legend, the zoom buttons and the
 * Natural Earth credit. The DOM keeps text crisp at any zoom and pixel ratio, and
 * gives screen readers and tests something to hold.
 */
import type { PowerId } from '../../game/powers.js';
import type { MapAsset, MapRing } from '../../view/mapAsset.js';
import type { MapModel, RelationStyle, TheatreOnMap } from '../../view/mapModel.js';
import { POWER_STYLE, type PowerStyle } from '../../view/palette.js';
import { MAP_TEXT, POWER_NAME } from '../../view/text/en.js';
import { boundsOf, labelPoint, theatreAnchor, worldToScreen, type Point, type Size, type View } from './geometry.js';
import { MAP_COLOURS, MAP_SIZES, textOn } from './mapStyle.js';
import { capitalOf, RevealLayer, type RevealFrame } from './revealLayer.js';

/**
 * Below this scale (CSS px per canvas unit: the whole map in a panel narrower than
 * about 840 px) names and counters are drawn smaller and minor names (seas that are
 * no theatre, islets) wait for a closer zoom.
 */
const COMPACT_SCALE = 0.42;

export interface OverlayHandlers {
  onSelect(id: string): void;
  onHover(id: string | null): void;
  onZoom(direction: 'in' | 'out' | 'fit'): void;
}

interface Placed {
  element: HTMLElement;
  at: Point;
  /** Shown only while this many canvas units are at least as wide on screen as the text (a country's name inside it). */
  room?: number;
  /** The text's width in CSS px, measured once. */
  width?: number;
}

export class MapOverlay {
  private readonly root: HTMLDivElement;
  private readonly layer: HTMLDivElement;
  private readonly fixed: Placed[] = [];
  private readonly theatres = new Map<string, Placed & { button: HTMLButtonElement; counters: HTMLDivElement }>();
  private view: View | null = null;
  private viewport: Size = { width: 0, height: 0 };
  private compact: boolean | null = null;
  private readonly reveal: RevealLayer;

  constructor(
    parent: HTMLElement,
    private readonly asset: MapAsset,
    private readonly handlers: OverlayHandlers,
  ) {
    injectStyle();
    this.root = element('div', 'tm-overlay');
    this.layer = element('div', 'tm-layer');
    // A small map keeps its legend folded until asked.
    this.root.append(this.layer, legend(parent.clientWidth >= 700), this.zoomButtons(), credit());
    this.reveal = new RevealLayer(
      (place) => ('power' in place ? capitalOf(this.asset.places, place.power) : this.theatreAt(place.theatre)),
      this.layer,
    );
    parent.append(this.root);
    this.placeFixedLabels();
  }

  /** Names, buttons and counters for the model's theatres; elements are kept between updates so focus survives. */
  setModel(model: MapModel): void {
    const seen = new Set<string>();
    for (const theatre of model.theatres) {
      const at = theatreAnchor(this.asset, theatre.id, theatre.anchor);
      if (!at) continue;
      seen.add(theatre.id);
      let entry = this.theatres.get(theatre.id);
      if (!entry) {
        entry = this.createTheatre(theatre.id, at);
        this.theatres.set(theatre.id, entry);
      }
      entry.at = at;
      fillTheatre(entry.element, entry.button, entry.counters, theatre);
    }
    for (const [id, entry] of this.theatres) {
      if (seen.has(id)) continue;
      entry.element.remove();
      this.theatres.delete(id);
    }
    this.layout();
  }

  setView(view: View, viewport: Size): void {
    this.view = view;
    this.viewport = viewport;
    this.layout();
  }

  /** Draws one step of the reveal over the map, or takes it away (null). */
  showReveal(frame: RevealFrame | null): void {
    this.reveal.show(frame);
    if (this.view) this.reveal.setView(this.view, this.viewport);
  }

  destroy(): void {
    this.root.remove();
  }

  private theatreAt(id: string): { at: Point; edge: null } | null {
    const entry = this.theatres.get(id);
    return entry ? { at: entry.at, edge: null } : null;
  }

  private layout(): void {
    if (!this.view) return;
    this.reveal.setView(this.view, this.viewport);
    const compact = this.view.scale < COMPACT_SCALE;
    if (compact !== this.compact) {
      this.compact = compact;
      this.root.classList.toggle('tm-compact', compact);
      // Text sizes changed: measure the names again.
      for (const placed of this.fixed) delete placed.width;
    }
    for (const placed of [...this.fixed, ...this.theatres.values()]) {
      const [x, y] = worldToScreen(this.view, this.viewport, placed.at);
      placed.element.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
      if (placed.room !== undefined) {
        if (placed.width === undefined) {
          placed.element.hidden = false;
          placed.width = placed.element.offsetWidth;
        }
        placed.element.hidden = placed.room * this.view.scale < placed.width;
      }
    }
  }

  private createTheatre(id: string, at: Point) {
    const counterSide = this.asset.theatres.find((t) => t.id === id)?.counters ?? 'below';
    const group = element('div', `tm-theatre tm-counters-${counterSide}`);
    group.dataset['theatre'] = id;
    const button = element('button', 'tm-theatre-name');
    button.type = 'button';
    button.addEventListener('click', () => this.handlers.onSelect(id));
    button.addEventListener('pointerenter', () => this.handlers.onHover(id));
    button.addEventListener('pointerleave', () => this.handlers.onHover(null));
    button.addEventListener('focus', () => this.handlers.onHover(id));
    button.addEventListener('blur', () => this.handlers.onHover(null));
    // The name button's label already reads the forces out; counters are for the eye (and let clicks through to the map).
    const counters = element('div', 'tm-counters');
    counters.setAttribute('aria-hidden', 'true');
    group.append(button, counters);
    this.layer.append(group);
    return { element: group, at, button, counters };
  }

  private placeFixedLabels(): void {
    const add = (className: string, text: string, at: Point, room?: number) => {
      const label = element('div', className);
      label.textContent = text;
      this.layer.append(label);
      this.fixed.push({ element: label, at, ...(room === undefined ? {} : { room }) });
    };
    for (const country of this.asset.countries) {
      const name = country.power ? POWER_NAME[country.power] : MAP_TEXT.country[country.id];
      // The United States has only islands in frame; its name goes on the off-map marker.
      if (!name || country.power === 'USA') continue;
      // Small countries (the Koreas) show their names once zoomed in far enough to hold them.
      add('tm-country', name, country.label ?? labelPoint(country.rings), largestWidth(country.rings));
    }
    for (const label of this.asset.labels) {
      const text = MAP_TEXT.label[label.id];
      if (text) add(`tm-${label.kind}`, text, [label.x, label.y]);
    }
    for (const place of this.asset.places) add(`tm-place tm-place-${place.side}`, MAP_TEXT.place[place.power], [place.x, place.y]);
  }

  private zoomButtons(): HTMLElement {
    const box = element('div', 'tm-zoom');
    for (const [direction, text, name] of [
      ['in', '+', MAP_TEXT.zoomIn],
      ['out', '−', MAP_TEXT.zoomOut],
      ['fit', '⤢', MAP_TEXT.zoomFit],
    ] as const) {
      const button = element('button', 'tm-zoom-button');
      button.type = 'button';
      button.textContent = text;
      button.title = name;
      button.setAttribute('aria-label', name);
      button.addEventListener('click', () => this.handlers.onZoom(direction));
      box.append(button);
    }
    return box;
  }
}

function fillTheatre(group: HTMLElement, button: HTMLButtonElement, counters: HTMLDivElement, theatre: TheatreOnMap): void {
  group.classList.toggle('tm-selected', theatre.selected);
  group.classList.toggle('tm-off-map', theatre.offMap);
  button.textContent = theatre.label;
  if (theatre.offMap) {
    const note = element('span', 'tm-off-map-note');
    note.textContent = MAP_TEXT.offMap;
    button.append(note);
  }
  button.setAttribute('aria-pressed', String(theatre.selected));
  const contents = theatre.forces.map((f) => MAP_TEXT.forces(POWER_NAME[f.power], f.count, f.covert));
  if (theatre.unknown > 0) contents.push(MAP_TEXT.unknown(theatre.unknown));
  button.setAttribute('aria-label', MAP_TEXT.theatre(theatre.label, contents));
  counters.replaceChildren(
    ...theatre.forces.map((f) => counter(f.power, POWER_STYLE[f.power], f.count, f.covert)),
    ...(theatre.unknown > 0 ? [unknownCounter(theatre.unknown)] : []),
  );
}

function counter(power: PowerId, style: PowerStyle, count: number, covert: number): HTMLElement {
  const chip = counterChip(`tm-counter${covert > 0 ? ' tm-covert' : ''}`, `tm-swatch tm-pattern-${style.pattern}`, MAP_TEXT.counterMark[power], count);
  chip.dataset['power'] = power;
  const swatch = chip.firstElementChild as HTMLElement;
  swatch.style.backgroundColor = style.colour;
  swatch.style.color = textOn(style.colour);
  return chip;
}

function unknownCounter(count: number): HTMLElement {
  return counterChip('tm-counter tm-unknown', 'tm-swatch', MAP_TEXT.unknownMark, count);
}

/** A counter: a marked swatch and a number. */
function counterChip(chipClass: string, swatchClass: string, mark: string, count: number): HTMLElement {
  const chip = element('div', chipClass);
  const swatch = element('span', swatchClass);
  swatch.textContent = mark;
  const number = element('span', 'tm-count');
  number.textContent = String(count);
  chip.append(swatch, number);
  return chip;
}

/** Samples drawn the way marks.ts paints relations: width and pattern, never colour alone. */
function legend(open: boolean): HTMLElement {
  const box = element('details', 'tm-legend');
  box.open = open;
  const title = element('summary', 'tm-legend-title');
  title.textContent = MAP_TEXT.relationsTitle;
  box.append(title);
  const samples: Record<RelationStyle, string> = {
    allied: `<line x1="2" y1="6" x2="38" y2="6" stroke="${MAP_COLOURS.ink}" stroke-width="${MAP_SIZES.relation.allied}"/>`,
    friendly: `<line x1="2" y1="6" x2="38" y2="6" stroke="${MAP_COLOURS.ink}" stroke-width="${MAP_SIZES.relation.friendly}"/>`,
    neutral: `<line x1="3" y1="6" x2="38" y2="6" stroke="${MAP_COLOURS.ink}" stroke-width="${MAP_SIZES.relation.neutral * 1.4}" stroke-linecap="round" stroke-dasharray="0 6"/>`,
    cool: `<line x1="2" y1="6" x2="38" y2="6" stroke="${MAP_COLOURS.ink}" stroke-width="${MAP_SIZES.relation.cool}" stroke-dasharray="8 5"/>`,
    hostile: `<polyline points="2,6 5,2 11,10 17,2 23,10 29,2 35,10 38,6" fill="none" stroke="${MAP_COLOURS.hostile}" stroke-width="${MAP_SIZES.relation.hostile}"/>`,
  };
  for (const style of ['allied', 'friendly', 'neutral', 'cool', 'hostile'] as const) {
    const row = element('div', 'tm-legend-row');
    row.innerHTML = `<svg width="40" height="12" aria-hidden="true">${samples[style]}</svg>`;
    const name = element('span', '');
    name.textContent = MAP_TEXT.relation[style];
    row.append(name);
    box.append(row);
  }
  return box;
}

function credit(): HTMLElement {
  const box = element('div', 'tm-credit');
  const link = element('a', '');
  link.href = 'https://www.naturalearthdata.com/';
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = MAP_TEXT.credit;
  link.title = MAP_TEXT.boundaries;
  const note = element('span', 'tm-credit-note');
  note.textContent = ` · ${MAP_TEXT.boundaries}`;
  box.append(link, note);
  return box;
}

function largestWidth(rings: MapRing[]): number {
  return Math.max(0, ...rings.map((ring) => boundsOf([ring]).width));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** Fill patterns per power (palette.ts names them), so a counter never relies on colour alone. */
const PATTERNS = `
.tm-pattern-stripes { background-image: repeating-linear-gradient(45deg, rgba(255,255,255,.4) 0 2px, transparent 2px 5px); }
.tm-pattern-dots { background-image: radial-gradient(rgba(255,255,255,.55) 1.2px, transparent 1.6px); background-size: 5px 5px; }
.tm-pattern-cross { background-image: repeating-linear-gradient(45deg, rgba(255,255,255,.35) 0 1.5px, transparent 1.5px 6px), repeating-linear-gradient(-45deg, rgba(255,255,255,.35) 0 1.5px, transparent 1.5px 6px); }
.tm-pattern-grid { background-image: linear-gradient(rgba(255,255,255,.45) 1px, transparent 1px), linear-gradient(90deg, rgba(255,255,255,.45) 1px, transparent 1px); background-size: 5px 5px; }
.tm-pattern-waves { background-image: radial-gradient(circle at 50% 0, transparent 2.5px, rgba(255,255,255,.45) 3px, transparent 3.6px); background-size: 6px 4px; }
`;

function injectStyle(): void {
  if (document.getElementById('tm-style')) return;
  const style = document.createElement('style');
  style.id = 'tm-style';
  style.textContent = `
.tm-canvas { display: block; touch-action: none; outline: none; }
.tm-canvas:focus-visible { outline: 3px solid ${MAP_COLOURS.highlight}; outline-offset: -3px; }
.tm-overlay { position: absolute; inset: 0; overflow: hidden; pointer-events: none; user-select: none; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: ${MAP_COLOURS.ink}; }
.tm-layer > * { position: absolute; left: 0; top: 0; will-change: transform; white-space: nowrap; }
.tm-country { font-size: 13px; font-weight: 600; letter-spacing: .18em; text-transform: uppercase; color: rgba(31,42,49,.6); translate: -50% -50%; text-shadow: 0 0 3px rgba(255,255,255,.8); }
.tm-sea { font-size: 12px; font-style: italic; color: #34505f; translate: -50% -50%; text-shadow: 0 0 3px ${MAP_COLOURS.sea}; }
.tm-islet { font-size: 11px; font-style: italic; color: #2d3f49; translate: -3px -50%; text-shadow: 0 0 3px #fff, 0 0 2px #fff; }
.tm-islet::before { content: ""; display: inline-block; width: 5px; height: 5px; margin-right: 4px; border-radius: 50%; background: ${MAP_COLOURS.ink}; vertical-align: middle; }
.tm-place { font-size: 12px; font-weight: 600; padding: 0 4px; border-radius: 3px; background: rgba(255,255,255,.7); }
.tm-place-right { translate: 11px -50%; }
.tm-place-left { translate: calc(-100% - 11px) -50%; }
.tm-place-below { translate: -50% 10px; }
.tm-layer > [hidden] { display: none; }
.tm-theatre { translate: -50% -50%; }
.tm-counters-below .tm-counters { position: absolute; top: calc(100% + 2px); left: 50%; translate: -50% 0; }
.tm-counters-right .tm-counters { position: absolute; left: calc(100% + 2px); top: 50%; translate: 0 -50%; flex-wrap: nowrap; }
.tm-theatre-name { display: block; text-align: center; pointer-events: auto; cursor: pointer; font-family: inherit; font-size: 13px; font-weight: 600; line-height: 1.2; color: ${MAP_COLOURS.ink}; background: rgba(255,255,255,.72); border: 1px solid rgba(28,39,48,.35); border-radius: 4px; padding: 1px 6px; white-space: nowrap; }
.tm-theatre-name:hover, .tm-theatre-name:focus-visible { background: #fff; outline: 2px solid ${MAP_COLOURS.ink}; outline-offset: 1px; }
.tm-selected .tm-theatre-name { background: ${MAP_COLOURS.highlight}; border-color: ${MAP_COLOURS.ink}; box-shadow: 0 0 0 2px ${MAP_COLOURS.ink}; }
.tm-off-map-note { display: block; font-size: 11px; font-weight: 400; font-style: italic; }
.tm-counters { display: flex; gap: 3px; flex-wrap: wrap; justify-content: center; width: max-content; max-width: 190px; padding: 2px; border-radius: 5px; background: rgba(255,255,255,.5); }
.tm-counters:empty { display: none; }
.tm-counter { display: inline-flex; align-items: stretch; height: 20px; border: 1.5px solid ${MAP_COLOURS.ink}; border-radius: 4px; overflow: hidden; background: #fff; font-size: 11px; font-weight: 700; box-shadow: 0 1px 2px rgba(0,0,0,.35); }
.tm-swatch { display: inline-flex; align-items: center; padding: 0 4px; text-shadow: 0 0 2px rgba(0,0,0,.25); }
.tm-count { display: inline-flex; align-items: center; padding: 0 4px; color: ${MAP_COLOURS.ink}; }
.tm-covert { border-style: dashed; }
.tm-unknown { border-style: dashed; }
.tm-unknown .tm-swatch { background: #6b7780; color: #fff; }
${PATTERNS}
.tm-compact .tm-theatre-name { font-size: 11px; padding: 0 4px; }
.tm-compact .tm-off-map-note { font-size: 9px; }
.tm-compact .tm-counter { height: 16px; font-size: 10px; border-width: 1px; }
.tm-compact .tm-swatch, .tm-compact .tm-count { padding: 0 3px; }
.tm-compact .tm-counters { gap: 2px; padding: 1px; }
.tm-compact .tm-place { font-size: 10px; padding: 0 3px; }
.tm-compact .tm-country { font-size: 10px; letter-spacing: .12em; }
.tm-compact .tm-sea, .tm-compact .tm-islet { display: none; }
.tm-compact .tm-legend, .tm-compact .tm-credit { font-size: 10px; }
.tm-compact .tm-credit-note { display: none; }
.tm-legend { position: absolute; left: 10px; bottom: 10px; background: rgba(243,238,226,.92); border: 1px solid rgba(28,39,48,.4); border-radius: 6px; padding: 4px 9px; font-size: 12px; pointer-events: auto; }
.tm-legend[open] { padding-bottom: 6px; }
.tm-legend-title { font-weight: 700; cursor: pointer; }
.tm-legend[open] .tm-legend-title { margin-bottom: 2px; }
.tm-legend-row { display: flex; align-items: center; gap: 6px; }
.tm-zoom { position: absolute; right: 10px; bottom: 34px; display: flex; flex-direction: column; gap: 4px; pointer-events: auto; }
.tm-zoom-button { width: 30px; height: 30px; font-size: 18px; line-height: 1; border-radius: 6px; border: 1px solid rgba(28,39,48,.5); background: rgba(255,255,255,.9); color: ${MAP_COLOURS.ink}; cursor: pointer; }
.tm-zoom-button:focus-visible { outline: 2px solid ${MAP_COLOURS.highlight}; outline-offset: 1px; }
.tm-credit { position: absolute; right: 0; bottom: 0; padding: 2px 8px; font-size: 11px; background: rgba(243,238,226,.85); border-top-left-radius: 6px; pointer-events: auto; }
.tm-credit a { color: inherit; }
`;
  document.head.append(style);
}
