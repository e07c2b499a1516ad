/**
 * Every document is checked before either renderer touches it, so a bad report fails with one
 * error that lists every problem by its place ("blocks.4.rows.2: 3 cells for 4 columns") instead
 * of a half-written file. The branding schema is also exported on its own: a municipality's logo
 * and colours come from outside (a coordinator's upload) and are parsed when they are stored.
 * Text is sanitised here (see `sanitise.ts`), never interpreted.
 */
import { z } from 'zod';
import { LANGUAGES } from '../../shared/i18n/language';
import type { ChartGraphic } from './model';
import { HEX_COLOUR } from './colour';
import { MAX_LOGO_BYTES, isPng, pngSize, unsafeSvgReason } from './logo';
import type { Branding, ReportDocument } from './model';
import { sanitiseText } from './sanitise';

export const LIMITS = {
  shortText: 300,
  paragraph: 20_000,
  blocks: 2_000,
  listItems: 500,
  tableColumns: 12,
  tableRows: 2_000,
  cellText: 2_000,
  keyFigures: 12,
  svgBytes: 5 * 1024 * 1024,
  logoPixels: 8_000,
} as const;

export class DocumentValidationError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`The document cannot be rendered: ${issues.join('; ')}`);
    this.name = 'DocumentValidationError';
  }
}

function text(max: number, min = 0) {
  const base = z.string().max(max, `at most ${max} characters`).transform(sanitiseText);
  return min > 0 ? base.refine((value) => value.trim().length >= min, 'must not be empty') : base;
}

const colour = z.string().regex(HEX_COLOUR, 'a colour of the form #RRGGBB');

const logoSchema = z
  .object({
    format: z.enum(['png', 'svg']),
    data: z
      .instanceof(Uint8Array)
      .refine((data) => data.length <= MAX_LOGO_BYTES, `at most ${MAX_LOGO_BYTES} bytes`),
    altText: text(LIMITS.shortText, 1),
  })
  .superRefine((logo, context) => {
    if (logo.format === 'png') {
      if (!isPng(logo.data))
        context.addIssue({ code: 'custom', path: ['data'], message: 'is not a PNG file' });
      else {
        const { width, height } = pngSize(logo.data);
        if (width < 1 || height < 1 || width > LIMITS.logoPixels || height > LIMITS.logoPixels) {
          context.addIssue({
            code: 'custom',
            path: ['data'],
            message: `a PNG of ${width} × ${height} pixels is not a usable logo`,
          });
        }
      }
      return;
    }
    const reason = unsafeSvgReason(Buffer.from(logo.data).toString('utf8'));
    if (reason)
      context.addIssue({ code: 'custom', path: ['data'], message: `the SVG is refused: ${reason}` });
  });

export const brandingSchema = z.object({
  organisationName: text(LIMITS.shortText, 1),
  primaryColour: colour,
  secondaryColour: colour,
  logo: logoSchema.optional(),
});

const runSchema = z.object({
  text: text(LIMITS.paragraph),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
const richText = z.union([text(LIMITS.paragraph), z.array(runSchema).max(1_000)]);

const shading = z.union([z.enum(['subtle', 'accent', 'highlight']), z.object({ colour })]);
const suppressed = z.object({ reason: text(LIMITS.shortText, 1), label: text(40).optional() });
const cellSchema = z.union([
  text(LIMITS.cellText),
  z.number().finite(),
  z.object({
    text: text(LIMITS.cellText).optional(),
    value: z.number().finite().optional(),
    bold: z.boolean().optional(),
    shading: shading.optional(),
    suppressed: suppressed.optional(),
  }),
]);
const rowSchema = z.union([
  z.array(cellSchema),
  z.object({ cells: z.array(cellSchema), emphasis: z.literal('total').optional() }),
]);

const tableSchema = z
  .object({
    type: z.literal('table'),
    caption: text(LIMITS.shortText).optional(),
    columns: z
      .array(
        z.object({
          header: text(LIMITS.shortText),
          numeric: z.boolean().optional(),
          decimals: z.number().int().min(0).max(6).optional(),
          width: z.number().positive().max(100).optional(),
        }),
      )
      .min(1)
      .max(LIMITS.tableColumns),
    rows: z.array(rowSchema).max(LIMITS.tableRows),
    note: text(LIMITS.paragraph).optional(),
  })
  .superRefine((table, context) => {
    table.rows.forEach((row, index) => {
      const cells = Array.isArray(row) ? row : row.cells;
      if (cells.length !== table.columns.length) {
        context.addIssue({
          code: 'custom',
          path: ['rows', index],
          message: `${cells.length} cells for ${table.columns.length} columns`,
        });
      }
    });
  });

const chartGraphic = z.custom<ChartGraphic>(
  (value) => {
    if (typeof value !== 'object' || value === null) return false;
    const chart = value as Partial<ChartGraphic>;
    return (
      typeof chart.svg === 'string' &&
      chart.svg.length <= LIMITS.svgBytes &&
      unsafeSvgReason(chart.svg) === undefined &&
      typeof chart.width === 'number' &&
      typeof chart.height === 'number' &&
      chart.width > 0 &&
      chart.height > 0 &&
      chart.width <= 2_000 &&
      chart.height <= 4_000
    );
  },
  { message: 'a chart from the kit, or a self-contained SVG with its width and height in points' },
);

const blockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    text: text(LIMITS.shortText, 1),
  }),
  z.object({
    type: z.literal('paragraph'),
    text: richText,
    style: z.enum(['body', 'lead', 'small']).optional(),
  }),
  z.object({
    type: z.literal('list'),
    ordered: z.boolean().optional(),
    items: z.array(richText).min(1).max(LIMITS.listItems),
  }),
  tableSchema,
  z.object({
    type: z.literal('keyFigures'),
    items: z
      .array(
        z.object({
          value: text(40, 1),
          label: text(LIMITS.shortText, 1),
          detail: text(LIMITS.shortText).optional(),
        }),
      )
      .min(1)
      .max(LIMITS.keyFigures),
  }),
  z.object({
    type: z.literal('chart'),
    chart: chartGraphic,
    altText: text(2_000, 1),
    caption: text(LIMITS.shortText).optional(),
  }),
  z.object({
    type: z.literal('callout'),
    title: text(LIMITS.shortText).optional(),
    paragraphs: z.array(richText).min(1).max(20),
    tone: z.enum(['info', 'note']).optional(),
  }),
  z.object({ type: z.literal('pageBreak') }),
]);

const documentSchema = z
  .object({
    language: z.enum(LANGUAGES),
    branding: brandingSchema,
    titlePage: z.object({
      kicker: text(LIMITS.shortText).optional(),
      title: text(LIMITS.shortText, 1),
      subtitle: text(LIMITS.shortText).optional(),
      details: z.array(text(LIMITS.shortText)).max(8).optional(),
    }),
    documentName: text(LIMITS.shortText).optional(),
    date: z.date().refine((date) => !Number.isNaN(date.getTime()), 'a valid date'),
    author: text(LIMITS.shortText).optional(),
    subject: text(LIMITS.shortText).optional(),
    keywords: z.array(text(100)).max(30).optional(),
    blocks: z.array(blockSchema).max(LIMITS.blocks),
  })
  .superRefine((document, context) => {
    // Screen readers navigate by heading level; a jump from 1 to 3 hides the missing level.
    let previous = 0;
    document.blocks.forEach((block, index) => {
      if (block.type !== 'heading') return;
      if (block.level > previous + 1) {
        context.addIssue({
          code: 'custom',
          path: ['blocks', index, 'level'],
          message:
            previous === 0
              ? `the first heading must be level 1, not ${block.level}`
              : `level ${block.level} follows level ${previous}`,
        });
      }
      previous = block.level;
    });
  });

type Issue = z.core.$ZodIssue;

/**
 * Readable issues. A value that may take several shapes (text or styled runs, a cell as text, a
 * number or an object) fails as a union; the branch of the shape it has says what is wrong.
 */
function flatten(
  issue: Issue,
  prefix: readonly PropertyKey[] = [],
): { path: PropertyKey[]; message: string }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branches = issue.errors.map((branch) => branch.filter((inner) => inner.code !== 'invalid_type'));
    const relevant = branches.find((branch) => branch.length > 0);
    if (relevant) return relevant.flatMap((inner) => flatten(inner, path));
  }
  return [{ path, message: issue.message }];
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues
    .flatMap((issue) => flatten(issue))
    .map(({ path, message }) => `${path.length > 0 ? path.map(String).join('.') : 'document'}: ${message}`);
}

/** The document with its text sanitised, or a `DocumentValidationError` listing every problem. */
export function validateDocument(document: ReportDocument): ReportDocument {
  const result = documentSchema.safeParse(document);
  if (!result.success) throw new DocumentValidationError(issuesOf(result.error));
  return result.data;
}

/** Parses branding that arrives from outside (a stored profile, an upload). */
export function parseBranding(input: unknown): Branding {
  const result = brandingSchema.safeParse(input);
  if (!result.success) throw new DocumentValidationError(issuesOf(result.error));
  return result.data;
}
