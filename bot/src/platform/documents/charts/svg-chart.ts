import type { TableBlock } from '../model';
import { unsafeSvgReason } from '../logo';
import type { ChartGraphic } from '../model';

/**
 * A chart drawn elsewhere, as SVG, with its size in points. It is placed as a picture in both
 * formats (rasterised for the PDF too, as the kit does not interpret arbitrary SVG), so prefer the
 * kit's builders, whose charts are vectors in the PDF. Pass its data as `table` for a text equivalent.
 */
export function svgChart(svg: string, width: number, height: number, table?: TableBlock): ChartGraphic {
  const reason = unsafeSvgReason(svg);
  if (reason) throw new Error(`The SVG is refused: ${reason}`);
  return { svg, width, height, ...(table ? { table } : {}) };
}
