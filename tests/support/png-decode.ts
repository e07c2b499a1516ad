import zlib from 'node:zlib';

/**
 * A minimal PNG decoder for the tests: 8-bit greyscale, RGB or RGBA, not interlaced, as pdftoppm
 * and resvg write them. Enough to ask whether a rendered page is blank and which colours it has.
 */
export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** width * height * 3 bytes, red-green-blue. */
  readonly rgb: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 6: 4 };

export function pngDimensions(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export function decodePng(png: Buffer): DecodedPng {
  const { width, height } = pngDimensions(png);
  const bitDepth = png[24];
  const colourType = png[25] ?? -1;
  const interlace = png[28];
  const channels = CHANNELS[colourType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(
      `Unsupported PNG: depth ${String(bitDepth)}, colour type ${colourType}, interlace ${String(interlace)}`,
    );
  }
  const idat: Buffer[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const value = line[x] ?? 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = Math.floor((left + up) / 2);
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let index = 0; index < width * height; index += 1) {
    for (let channel = 0; channel < 3; channel += 1) {
      rgb[index * 3 + channel] = pixels[index * channels + (channels === 1 ? 0 : channel)] ?? 0;
    }
  }
  return { width, height, rgb };
}

/** Share of pixels that are not (nearly) white. */
export function inkedShare(image: DecodedPng): number {
  let inked = 0;
  const count = image.width * image.height;
  for (let index = 0; index < count; index += 1) {
    const r = image.rgb[index * 3] ?? 255;
    const g = image.rgb[index * 3 + 1] ?? 255;
    const b = image.rgb[index * 3 + 2] ?? 255;
    if (r < 240 || g < 240 || b < 240) inked += 1;
  }
  return inked / count;
}

/** Share of pixels within `tolerance` (per channel) of the colour `#RRGGBB`. */
export function colourShare(image: DecodedPng, hex: string, tolerance = 12): number {
  const target = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  let matching = 0;
  const count = image.width * image.height;
  for (let index = 0; index < count; index += 1) {
    if (
      target.every((value, channel) => Math.abs((image.rgb[index * 3 + channel] ?? 0) - value) <= tolerance)
    )
      matching += 1;
  }
  return matching / count;
}
