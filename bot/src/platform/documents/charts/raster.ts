/**
 * SVG → PNG with resvg (Rust, through @resvg/resvg-js: prebuilt binaries as optional npm packages,
 * no install script, no system libraries). It is given only the kit's own font files and never
 * the system's, so a chart image looks the same on a laptop and on App Service, and it renders on
 * libuv's thread pool, off the event loop.
 */
import { renderAsync } from '@resvg/resvg-js';
import { FONT_FACES, FONT_FAMILY, fontFilePath } from '../fonts';

/** Pixels per point of chart images in DOCX: 3 × 96 / 72 = 4, about 290 dpi at print size. */
export const RASTER_SCALE = 4;

export async function rasteriseSvg(
  svg: string,
  widthInPoints: number,
  scale = RASTER_SCALE,
): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.round(widthInPoints * scale) },
    background: '#FFFFFF',
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FACES.map(fontFilePath),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  return image.asPng();
}
