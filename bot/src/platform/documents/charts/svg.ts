import { FACE_CSS, FONT_FAMILY } from '../fonts';
import { escapeXml } from '../sanitise';
import type { ChartScene, SceneShape } from './scene';

const number = (value: number): string => String(Math.round(value * 100) / 100);

function paint(
  fill: string | undefined,
  stroke: string | undefined,
  strokeWidth: number | undefined,
): string {
  const parts = [`fill="${fill ?? 'none'}"`];
  if (stroke) parts.push(`stroke="${stroke}"`, `stroke-width="${number(strokeWidth ?? 1)}"`);
  return parts.join(' ');
}

function shapeToSvg(shape: SceneShape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${number(shape.x)}" y="${number(shape.y)}" width="${number(shape.width)}" height="${number(shape.height)}"${shape.radius ? ` rx="${number(shape.radius)}"` : ''} ${paint(shape.fill, shape.stroke, shape.strokeWidth)}/>`;
    case 'line':
      return `<line x1="${number(shape.x1)}" y1="${number(shape.y1)}" x2="${number(shape.x2)}" y2="${number(shape.y2)}" stroke="${shape.stroke}" stroke-width="${number(shape.strokeWidth)}"${shape.dash ? ` stroke-dasharray="${shape.dash.map(number).join(' ')}"` : ''}/>`;
    case 'circle':
      return `<circle cx="${number(shape.cx)}" cy="${number(shape.cy)}" r="${number(shape.r)}" ${paint(shape.fill, shape.stroke, shape.strokeWidth)}/>`;
    case 'polygon':
      return `<polygon points="${shape.points.map(([x, y]) => `${number(x)},${number(y)}`).join(' ')}" ${paint(shape.fill, shape.stroke, shape.strokeWidth)}/>`;
    case 'text': {
      const css = FACE_CSS[shape.face];
      const anchor = shape.anchor === 'start' ? '' : ` text-anchor="${shape.anchor}"`;
      return `<text x="${number(shape.x)}" y="${number(shape.y)}" font-size="${number(shape.size)}" font-weight="${css.weight}"${css.italic ? ' font-style="italic"' : ''}${anchor} fill="${shape.fill}">${escapeXml(shape.text)}</text>`;
    }
  }
}

/** The scene as a standalone SVG document; `title` becomes its accessible name on the web. */
export function sceneToSvg(scene: ChartScene, title?: string): string {
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${number(scene.width)}pt" height="${number(scene.height)}pt" ` +
    `viewBox="0 0 ${number(scene.width)} ${number(scene.height)}" font-family="${FONT_FAMILY}" role="img">`;
  const titleElement = title ? `<title>${escapeXml(title)}</title>` : '';
  return [head, titleElement, ...scene.shapes.map(shapeToSvg), '</svg>'].join('\n');
}
