/**
 * How many colours a screenshot of a canvas holds, decoded in the page: a blank or
 * failed WebGL canvas is one flat colour, a drawn map has land, sea and lines.
 * (WebGL pixels cannot be read back once composited, hence the screenshot.)
 */
import type { Page } from 'playwright-core';

export interface CanvasColours {
  width: number;
  height: number;
  /** Distinct colours among a 40×40 grid of samples, in coarse buckets so anti-aliasing noise does not count. */
  distinct: number;
  /** Share of the samples taken by the commonest colour. */
  flatShare: number;
}

export async function canvasColours(page: Page, png: Buffer): Promise<CanvasColours> {
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
    const colours = new Map<number, number>();
    const samples = 40;
    for (let i = 0; i < samples; i++) {
      for (let j = 0; j < samples; j++) {
        const x = Math.floor(((i + 0.5) * image.width) / samples);
        const y = Math.floor(((j + 0.5) * image.height) / samples);
        const at = (y * image.width + x) * 4;
        const key = ((pixels[at]! >> 4) << 8) | ((pixels[at + 1]! >> 4) << 4) | (pixels[at + 2]! >> 4);
        colours.set(key, (colours.get(key) ?? 0) + 1);
      }
    }
    return { width: image.width, height: image.height, distinct: colours.size, flatShare: Math.max(...colours.values()) / (samples * samples) };
  }, png.toString('base64'));
}
