/**
 * A QR code of the student link, drawn as SVG squares (no markup from a string). The
 * encoder is loaded only when a setup room shows one, so solo play does not pay for it.
 */
import { svg } from '../../ui/screenDom.js';

/** The quiet zone around the code that scanners need, in modules. */
const MARGIN = 4;

export async function qrCode(text: string, label: string): Promise<SVGSVGElement> {
  const { default: qrcode } = await import('qrcode-generator');
  // Level M survives a smudged projector or a phone held at an angle.
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) if (qr.isDark(row, col)) path += `M${col + MARGIN} ${row + MARGIN}h1v1h-1z`;
  }
  const size = n + 2 * MARGIN;
  return svg(
    'svg',
    { class: 'qr-code', viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges', 'data-testid': 'control-qr' },
    svg('rect', { width: size, height: size, fill: '#fff' }),
    svg('path', { d: path, fill: '#000' }),
  );
}
