/**
 * One picture of the map: a region at one resolution, painted with the canvas 2D API.
 * The coastlines (a sea and a land layer) are slow to paint, so they are painted once
 * per picture and kept; what changes during a game (highlights, relations, capitals)
 * is composed over them into the canvas the scene shows as a single texture. A change
 * in the game repaints no coastline, and a pan draws nothing new at all.
 */
import type { MapAsset } from '../../view/mapAsset.js';
import type { RelationOnMap } from '../../view/mapModel.js';
import { begin, paintLand, paintSea, type Paint } from './baseMap.js';
import { paintHighlights, paintRelations, type Highlight } from './marks.js';

export interface Marks {
  highlights: readonly Highlight[];
  relations: readonly RelationOnMap[];
}

export class MapPicture {
  readonly width: number;
  readonly height: number;
  private readonly sea: HTMLCanvasElement;
  private readonly land: HTMLCanvasElement;

  constructor(
    private readonly asset: MapAsset,
    readonly paint: Paint,
  ) {
    this.width = Math.max(1, Math.ceil(paint.region.width * paint.resolution));
    this.height = Math.max(1, Math.ceil(paint.region.height * paint.resolution));
    this.sea = this.layer((ctx) => paintSea(ctx, asset, paint));
    this.land = this.layer((ctx) => paintLand(ctx, asset, paint));
  }

  /** Paints the whole picture into `ctx` (a canvas of this picture's size): sea, sea highlights, land, land highlights, relations. */
  compose(ctx: CanvasRenderingContext2D, marks: Marks): void {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    ctx.drawImage(this.sea, 0, 0);
    begin(ctx, this.paint);
    paintHighlights(ctx, this.asset, this.paint, marks.highlights, 'sea');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.land, 0, 0);
    begin(ctx, this.paint);
    paintHighlights(ctx, this.asset, this.paint, marks.highlights, 'land');
    paintRelations(ctx, this.asset, this.paint, marks.relations);
  }

  private layer(paint: (ctx: CanvasRenderingContext2D) => void): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.width = this.width;
    canvas.height = this.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas for the map');
    paint(ctx);
    return canvas;
  }
}
