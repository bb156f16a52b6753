/**
 * Diagonal hatch patterns for `fill-pattern`, drawn at runtime on a canvas: the style needs no
 * sprite and the map makes no request for it.
 */

/** Pixel data MapLibre's `addImage` accepts. */
export interface PatternImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Pattern tile size in CSS pixels; the tile repeats seamlessly. */
const SIZE = 12;

/**
 * A tile of 45° stripes in `color` over half-transparent white, at `pixelRatio` device pixels per
 * CSS pixel. The white gaps keep the hatch readable over a claim of the same colour (housing red
 * under a high conflict). The stripe runs corner to corner and is repeated across both other
 * corners, so neighbouring tiles join into continuous lines.
 */
export function hatchPattern(color: string, pixelRatio: number, lineWidth = 2.2): PatternImage {
  const size = Math.round(SIZE * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.globalAlpha = 0.55;
  ctx.fillRect(0, 0, size, size);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = color;
  ctx.lineWidth = lineWidth * pixelRatio;
  ctx.lineCap = 'square';
  ctx.beginPath();
  for (const offset of [-size, 0, size]) {
    ctx.moveTo(offset, size);
    ctx.lineTo(offset + size, 0);
  }
  ctx.stroke();
  const { data } = ctx.getImageData(0, 0, size, size);
  return { width: size, height: size, data };
}
