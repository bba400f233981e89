/**
 * Small builders the game panels share, on top of the screens' element builder: a
 * real <button> with its handler, and a titled panel section. Every interactive
 * element gets a `data-focus` key so the screen can put focus back after a redraw.
 */
import { el } from '../screenDom.js';

type Child = Node | string | null | undefined | false;

export interface ButtonOptions {
  /** Stable key for keeping focus across redraws; unique on the screen. */
  focus: string;
  onClick: () => void;
  testid?: string;
  className?: string;
  disabled?: boolean;
  attrs?: Record<string, string | boolean | undefined>;
}

export function button(options: ButtonOptions, ...children: Child[]): HTMLButtonElement {
  const node = el(
    'button',
    {
      type: 'button',
      class: `button ${options.className ?? ''}`.trim(),
      'data-focus': options.focus,
      'data-testid': options.testid,
      disabled: options.disabled === true,
      ...options.attrs,
    },
    ...children,
  );
  node.addEventListener('click', () => {
    if (!node.disabled) options.onClick();
  });
  return node;
}

/** A panel with a heading that names it for screen readers (its region label). */
export function panel(id: string, title: string, attrs: Record<string, string | undefined>, ...children: Child[]): HTMLElement {
  const { class: extra, ...rest } = attrs;
  return el(
    'section',
    { ...rest, class: `panel game-panel ${extra ?? ''}`.trim(), 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title`, class: 'panel-title' }, title),
    ...children,
  );
}

/** A bullet list of sentences, or nothing for none. */
export function sentences(items: readonly string[], className = ''): HTMLElement | null {
  if (!items.length) return null;
  return el('ul', { class: `sentences ${className}`.trim() }, ...items.map((text) => el('li', {}, text)));
}

/**
 * A place on the screen for one panel that is rebuilt only when what it shows changed,
 * so a bot's move elsewhere does not pull focus, scroll or open sections from under
 * the person, nor make a screen reader read an unchanged panel again.
 */
export class PanelSlot {
  readonly element = el('div', { class: 'panel-slot' });
  private shown: string | null = null;

  /** `key` says everything the panel shows; the panel is built again only when it differs. */
  show(key: string, build: () => HTMLElement): void {
    if (key === this.shown) return;
    this.shown = key;
    this.element.replaceChildren(build());
  }
}
