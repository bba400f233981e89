/**
 * A Vite plugin for production builds: bundle Phaser's core (its own `phaser-core.js`
 * entry, from source) instead of the whole prebuilt library. The map uses a scene,
 * images, canvas textures, a camera and pointer input, drawn by the canvas renderer
 * (see EastAsiaMap); the full build also carries physics engines, tilemaps, particles,
 * sound and the WebGL renderer with its shaders, about 200 kB of the page's gzip.
 *
 * Phaser's source chooses its optional parts with `typeof FLAG` tests that its own
 * webpack build replaces; this plugin replaces them the same way, and the `global` that
 * webpack provides (for `global.Phaser`) by `globalThis`. The dev server keeps the prebuilt
 * library, which needs no such help; browser tests run against the production build.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const CORE = fileURLToPath(new URL('../../../node_modules/phaser/src/phaser-core.js', import.meta.url));

const FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: false,
  CANVAS_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  EXPERIMENTAL: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

const FLAG_TEST = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');

export function phaserCore(): Plugin {
  return {
    name: 'triangles-phaser-core',
    apply: 'build',
    enforce: 'pre',
    config: () => ({ resolve: { alias: [{ find: /^phaser$/, replacement: CORE }] } }),
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]phaser[\\/]src[\\/]/.test(id)) return null;
      const flagged = code.replace(FLAG_TEST, (_test, flag: string) => String(FLAGS[flag]));
      return { code: flagged.replace(/\bglobal\.Phaser\b/g, 'globalThis.Phaser'), map: null };
    },
  };
}
