/**
 * Draws a chart scene onto a PDF page as vectors, with its text in the embedded fonts: crisp at any
 * zoom and printer resolution, and selectable and searchable like the body text.
 */
import { textWidth } from '../text-layout';
import type { ChartScene, SceneShape } from '../charts/scene';

function paint(
  pdf: PDFKit.PDFDocument,
  fill: string | undefined,
  stroke: string | undefined,
  strokeWidth: number | undefined,
): void {
  if (fill && stroke) pdf.lineWidth(strokeWidth ?? 1).fillAndStroke(fill, stroke);
  else if (fill) pdf.fill(fill);
  else if (stroke) pdf.lineWidth(strokeWidth ?? 1).stroke(stroke);
}

function drawShape(pdf: PDFKit.PDFDocument, shape: SceneShape): void {
  switch (shape.kind) {
    case 'rect':
      if (shape.radius) pdf.roundedRect(shape.x, shape.y, shape.width, shape.height, shape.radius);
      else pdf.rect(shape.x, shape.y, shape.width, shape.height);
      paint(pdf, shape.fill, shape.stroke, shape.strokeWidth);
      return;
    case 'line':
      pdf.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2).lineWidth(shape.strokeWidth);
      if (shape.dash && shape.dash.length > 0)
        pdf.dash(shape.dash[0] ?? 1, { space: shape.dash[1] ?? shape.dash[0] ?? 1 });
      pdf.stroke(shape.stroke);
      if (shape.dash) pdf.undash();
      return;
    case 'circle':
      pdf.circle(shape.cx, shape.cy, shape.r);
      paint(pdf, shape.fill, shape.stroke, shape.strokeWidth);
      return;
    case 'polygon':
      pdf.polygon(...shape.points.map(([x, y]): [number, number] => [x, y]));
      paint(pdf, shape.fill, shape.stroke, shape.strokeWidth);
      return;
    case 'text': {
      const width = textWidth(shape.text, shape.face, shape.size);
      const x =
        shape.anchor === 'middle' ? shape.x - width / 2 : shape.anchor === 'end' ? shape.x - width : shape.x;
      pdf
        .font(shape.face)
        .fontSize(shape.size)
        .fillColor(shape.fill)
        .text(shape.text, x, shape.y, { lineBreak: false, baseline: 'alphabetic' });
      return;
    }
  }
}

export function drawScene(
  pdf: PDFKit.PDFDocument,
  scene: ChartScene,
  x: number,
  y: number,
  scale: number,
): void {
  pdf.save();
  pdf.translate(x, y);
  if (scale !== 1) pdf.scale(scale);
  pdf.lineCap('butt').lineJoin('miter');
  for (const shape of scene.shapes) drawShape(pdf, shape);
  pdf.restore();
}
