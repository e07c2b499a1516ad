/**
 * A chart is built once as a flat list of shapes and baseline-positioned text in points, then
 * written out two ways: as SVG (for the DOCX image, the tab, anything on the web) and drawn
 * straight onto the PDF page as vectors with the embedded fonts (see `pdf/draw-scene.ts`). Building
 * the scene ourselves, rather than converting SVG for pdfkit, keeps the PDF's chart text real,
 * selectable text in the same face, and lets every label be measured with the font that draws it.
 */
import type { FontFace } from '../fonts';

export interface RectShape {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly radius?: number;
}

export interface LineShape {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly dash?: readonly number[];
}

export interface CircleShape {
  readonly kind: 'circle';
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
}

export interface PolygonShape {
  readonly kind: 'polygon';
  readonly points: readonly (readonly [number, number])[];
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
}

/** Text whose `y` is the baseline. */
export interface TextShape {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  readonly face: FontFace;
  readonly fill: string;
  readonly anchor: 'start' | 'middle' | 'end';
}

export type SceneShape = RectShape | LineShape | CircleShape | PolygonShape | TextShape;

export interface ChartScene {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly SceneShape[];
}
