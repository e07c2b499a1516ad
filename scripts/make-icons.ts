/**
 * Draws the app icons into appPackage/: `color.png` (192x192, white mark on Kuntaliitto blue) and
 * `outline.png` (32x32, white mark on transparent, as Teams requires for the app bar).
 *
 * The mark is a small network: a hub joined to five municipalities, which are joined to their
 * neighbours. Run with `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { encodePng, type RgbaImage } from './lib/png';

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Sizes in units of the icon's width, so one drawing serves both sizes. */
interface MarkStyle {
  /** How much of the icon the mark spans (1 = the network's bounding circle touches the edges). */
  readonly scale: number;
  readonly hubRadius: number;
  readonly nodeRadius: number;
  readonly lineWidth: number;
}

const KUNTALIITTO_BLUE = { r: 0x00, g: 0x64, b: 0xae } as const;
const WHITE = { r: 0xff, g: 0xff, b: 0xff } as const;
/** Samples per pixel side: 4x4 supersampling gives smooth edges without a rasteriser library. */
const SUPERSAMPLING = 4;

const OUTER_RADIUS = 0.36;
const HUB: Point = { x: 0.5, y: 0.5 };
const NODES: readonly Point[] = [0, 1, 2, 3, 4].map((i) => {
  const angle = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
  return { x: 0.5 + OUTER_RADIUS * Math.cos(angle), y: 0.5 + OUTER_RADIUS * Math.sin(angle) };
});
const EDGES: readonly (readonly [Point, Point])[] = [
  ...NODES.map((node) => [HUB, node] as const),
  ...NODES.map((node, i) => [node, NODES[(i + 1) % NODES.length]] as const),
];

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function insideMark(p: Point, style: MarkStyle): boolean {
  // Undo the scaling around the centre, so the network is drawn in its own unit square.
  const q = { x: 0.5 + (p.x - 0.5) / style.scale, y: 0.5 + (p.y - 0.5) / style.scale };
  if (Math.hypot(q.x - HUB.x, q.y - HUB.y) <= style.hubRadius) return true;
  if (NODES.some((node) => Math.hypot(q.x - node.x, q.y - node.y) <= style.nodeRadius)) return true;
  return EDGES.some(([a, b]) => distanceToSegment(q, a, b) <= style.lineWidth / 2);
}

/** The fraction (0..1) of each pixel the mark covers. */
function coverage(size: number, style: MarkStyle): Float64Array {
  const result = new Float64Array(size * size);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const p = {
            x: (x + (sx + 0.5) / SUPERSAMPLING) / size,
            y: (y + (sy + 0.5) / SUPERSAMPLING) / size,
          };
          if (insideMark(p, style)) hits++;
        }
      }
      result[y * size + x] = hits / samples;
    }
  }
  return result;
}

/** The full-colour icon: a white mark on an opaque blue square (Teams rounds the corners itself). */
export function drawColourIcon(size = 192): RgbaImage {
  const cover = coverage(size, { scale: 0.78, hubRadius: 0.085, nodeRadius: 0.07, lineWidth: 0.036 });
  const pixels = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    pixels[i * 4] = Math.round(KUNTALIITTO_BLUE.r + (WHITE.r - KUNTALIITTO_BLUE.r) * c);
    pixels[i * 4 + 1] = Math.round(KUNTALIITTO_BLUE.g + (WHITE.g - KUNTALIITTO_BLUE.g) * c);
    pixels[i * 4 + 2] = Math.round(KUNTALIITTO_BLUE.b + (WHITE.b - KUNTALIITTO_BLUE.b) * c);
    pixels[i * 4 + 3] = 255;
  });
  return { width: size, height: size, pixels };
}

/** The outline icon: only white, with the mark's coverage as alpha; everything else transparent. */
export function drawOutlineIcon(size = 32): RgbaImage {
  // Thicker strokes than the colour icon: at 32 pixels a thin line would fade to grey.
  const cover = coverage(size, { scale: 0.92, hubRadius: 0.1, nodeRadius: 0.09, lineWidth: 0.065 });
  const pixels = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    pixels[i * 4] = WHITE.r;
    pixels[i * 4 + 1] = WHITE.g;
    pixels[i * 4 + 2] = WHITE.b;
    pixels[i * 4 + 3] = Math.round(255 * c);
  });
  return { width: size, height: size, pixels };
}

function main(): void {
  const appPackage = path.resolve(__dirname, '..', 'appPackage');
  fs.writeFileSync(path.join(appPackage, 'color.png'), encodePng(drawColourIcon()));
  fs.writeFileSync(path.join(appPackage, 'outline.png'), encodePng(drawOutlineIcon()));
  process.stdout.write(`Wrote color.png and outline.png to ${appPackage}\n`);
}

if (require.main === module) main();
