/**
 * Logos arrive from municipalities as PNG or SVG files. An SVG is a program of sorts, so only a
 * self-contained drawing is accepted: no scripts, no foreign HTML, no DTD (entity expansion) and
 * no references to files or addresses outside the document; resvg then rasterises it with the
 * kit's fonts only. Both renderers place the logo as a PNG (an SVG logo drawn at 600 px, which is
 * sharp at the few centimetres a logo takes on a page).
 */
import { Resvg } from '@resvg/resvg-js';
import { FONT_FACES, FONT_FAMILY, fontFilePath } from './fonts';
import type { Logo } from './model';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const LOGO_RASTER_WIDTH = 600;

export interface PreparedImage {
  readonly png: Buffer;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
}

export function isPng(data: Uint8Array): boolean {
  return data.length > 24 && PNG_SIGNATURE.every((byte, index) => data[index] === byte);
}

/** Width and height from the PNG's IHDR chunk. */
export function pngSize(data: Uint8Array): { width: number; height: number } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Why an SVG is refused, or undefined when it is a self-contained drawing. */
export function unsafeSvgReason(svg: string): string | undefined {
  if (!/<svg[\s>]/i.test(svg)) return 'it has no <svg> element';
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) return 'it declares a DTD or entities';
  if (/<script[\s>]/i.test(svg) || /\son[a-z]+\s*=/i.test(svg)) return 'it contains scripts';
  if (/<foreignObject[\s>]/i.test(svg)) return 'it embeds foreign content';
  const references = svg.matchAll(/(?:href|src)\s*=\s*["']\s*([^"']*)["']/gi);
  for (const [, target = ''] of references) {
    if (!target.startsWith('#') && !/^data:image\/(png|jpeg);base64,/i.test(target)) {
      return 'it refers to a file or address outside itself';
    }
  }
  if (/url\(\s*["']?(?!#)/i.test(svg) || /@import/i.test(svg)) return 'its styles refer to outside resources';
  return undefined;
}

export function rasteriseSvgSync(svg: string, pixelWidth: number): PreparedImage {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: pixelWidth },
    font: { loadSystemFonts: false, fontFiles: FONT_FACES.map(fontFilePath), defaultFontFamily: FONT_FAMILY },
    logLevel: 'off',
  });
  const image = resvg.render();
  return { png: image.asPng(), pixelWidth: image.width, pixelHeight: image.height };
}

/** The logo as a PNG with its pixel size; the logo is assumed to have been validated. */
export function prepareLogo(logo: Logo): PreparedImage {
  if (logo.format === 'png') {
    const { width, height } = pngSize(logo.data);
    return { png: Buffer.from(logo.data), pixelWidth: width, pixelHeight: height };
  }
  return rasteriseSvgSync(Buffer.from(logo.data).toString('utf8'), LOGO_RASTER_WIDTH);
}
