/**
 * A small element builder for the start, end and rules screens: text goes in as text
 * nodes, never as HTML, so nothing a scenario or a URL says can inject markup.
 */

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | undefined> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, String(value));
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** true sets a boolean attribute, false or undefined leaves it off. */
function setAttributes(node: Element, attributes: Record<string, string | boolean | undefined>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, '');
    else if (typeof value === 'string') node.setAttribute(name, value);
  }
}

/**
 * A power's colour and pattern as a small square, so the power is told apart by more
 * than its colour (the same patterns the map uses, from palette.ts).
 */
export function powerSwatch(style: { colour: string; pattern: string }, size = 20): SVGSVGElement {
  const ink = { stroke: 'rgba(255,255,255,0.9)', 'stroke-width': 1.6, fill: 'none' };
  const marks: SVGElement[] = [];
  switch (style.pattern) {
    case 'stripes':
      for (const d of [-8, 0, 8]) marks.push(svg('line', { x1: d, y1: 20, x2: d + 20, y2: 0, ...ink }));
      break;
    case 'dots':
      for (const [x, y] of [[5, 5], [15, 5], [10, 10], [5, 15], [15, 15]] as const) marks.push(svg('circle', { cx: x, cy: y, r: 1.9, fill: ink.stroke }));
      break;
    case 'cross':
      marks.push(svg('path', { d: 'M2 2L18 18M18 2L2 18', ...ink }));
      break;
    case 'grid':
      marks.push(svg('path', { d: 'M7 0V20M13 0V20M0 7H20M0 13H20', ...ink }));
      break;
    case 'waves':
      marks.push(svg('path', { d: 'M0 7q2.5-3 5 0t5 0t5 0t5 0M0 14q2.5-3 5 0t5 0t5 0t5 0', ...ink }));
      break;
  }
  return svg(
    'svg',
    { class: 'swatch', width: size, height: size, viewBox: '0 0 20 20', 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { width: 20, height: 20, rx: 3, fill: style.colour }),
    ...marks,
  );
}
