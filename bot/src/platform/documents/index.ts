/**
 * The document kit: reports people hand to a municipal board, as PDF and as DOCX (editable in
 * Word), in Finnish, Swedish or English, in the municipality's branding. A feature builds a
 * `ReportDocument` (title page, branding, blocks) and calls `renderPdf` or `renderDocx`; charts
 * come from the chart builders, each with a data table as its text equivalent. See
 * docs/documents.md.
 */
export type {
  Branding,
  CalloutBlock,
  CellShading,
  ChartBlock,
  DocumentBlock,
  HeadingBlock,
  KeyFigure,
  KeyFiguresBlock,
  ListBlock,
  Logo,
  PageBreakBlock,
  ParagraphBlock,
  ReportDocument,
  RichText,
  SuppressedValue,
  TableBlock,
  TableCell,
  TableCellValue,
  TableColumn,
  TableRow,
  TextRun,
  TitlePage,
} from './model';
export type { Language } from '../../shared/i18n/language';
export { renderPdf } from './pdf/render-pdf';
export { renderDocx } from './docx/render-docx';
export { DocumentValidationError, LIMITS, brandingSchema, parseBranding, validateDocument } from './validate';
export { formatNumber, formatPercent, formatDocumentDate } from './format';
export { contrastRatio, withContrast } from './colour';
export { CONTENT_WIDTH } from './page';
export { FONT_FAMILY } from './fonts';
export type { TimelineStatus } from './kit-text';

export type { ChartGraphic } from './model';
export type { ChartScene } from './charts/scene';
export type { ChartCommonOptions, RatingScale } from './charts/common';
export { profileChart, type ProfileChartOptions, type ProfileRow } from './charts/profile-chart';
export {
  distributionChart,
  roundedShares,
  type DistributionCategory,
  type DistributionChartOptions,
  type DistributionRow,
} from './charts/distribution-chart';
export { dotPlotChart, median, type DotPlotChartOptions, type DotPlotRow } from './charts/dot-plot-chart';
export {
  baselineTargetChart,
  type BaselineTargetChartOptions,
  type BaselineTargetRow,
} from './charts/baseline-target-chart';
export {
  timelineChart,
  type Quarter,
  type TimelineChartOptions,
  type TimelineRow,
} from './charts/timeline-chart';
export { svgChart } from './charts/svg-chart';
export { rasteriseSvg } from './charts/raster';

/** Block constructors, so content reads as a document: `[h1('Tulokset'), p('…'), chart(…)]`. */
export * as blocks from './blocks';
