/**
 * A QR code of a link, drawn as SVG squares (no markup strings). The encoder
 * (qrcode-generator) is loaded only when a code is drawn: only the projector's
 * and Control's set-up pages need it.
 */
import { svg } from '../ui/screenDom.js';

/** The QR code of `text`, with `label` as its accessible name (the link in words). */
export async function qrCodeSvg(text: string, label: string): Promise<SVGSVGElement> {
  const { default: qrcode } = await import('qrcode-generator');
  // Level M survives a smudged projector screen and keeps a short link's code small.
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  // The quiet zone of four modules that readers need around the code.
  const quiet = 4;
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) if (code.isDark(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  }
  const size = count + 2 * quiet;
  return svg(
    'svg',
    { class: 'qr-code', viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges' },
    svg('rect', { width: size, height: size, fill: '#ffffff' }),
    svg('path', { d: path, fill: '#000000' }),
  );
}
