/**
 * Line breaking with the real font metrics, shared by the PDF pages and the charts, so that a label
 * measured for a chart is exactly as wide when it is drawn. Finnish compounds are long
 * ("Ohjelmistojen käytettävyys", "Tietohallintopalvelut"), so a word that cannot fit a line on its
 * own is broken between letters with a hyphen rather than left to run over its column; a line may
 * also break after a hyphen or dash inside a word ("Etelä-|Pohjanmaa", "2026–|2027").
 */
import { fontMetrics, type FontFace } from './fonts';

export interface StyledText {
  readonly text: string;
  readonly face: FontFace;
}

export interface LineSegment {
  readonly text: string;
  readonly face: FontFace;
  /** Offset from the start of the line, in points. */
  readonly x: number;
  readonly width: number;
}

export interface TextLine {
  readonly segments: readonly LineSegment[];
  readonly width: number;
  /**
   * What stood at the break after this line: a space when it broke between words, nothing after a
   * hyphen or on the last line. The PDF writes it (invisibly) so copied and read-aloud text keeps
   * its word boundaries.
   */
  readonly joiner: '' | ' ';
}

const MAX_CACHED = 50_000;
const widthCache = new Map<FontFace, Map<string, number>>();

/** Advance width of `text` at 1 pt, kerned as the font lays it out. */
function unitWidth(text: string, face: FontFace): number {
  let cache = widthCache.get(face);
  if (!cache) {
    cache = new Map();
    widthCache.set(face, cache);
  }
  const known = cache.get(text);
  if (known !== undefined) return known;
  const font = fontMetrics(face);
  const width = font.layout(text).advanceWidth / font.unitsPerEm;
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, width);
  return width;
}

export function textWidth(text: string, face: FontFace, size: number): number {
  return text.length === 0 ? 0 : unitWidth(text, face) * size;
}

interface Piece {
  readonly text: string;
  readonly face: FontFace;
  readonly kind: 'word' | 'space' | 'newline';
  /** A line may break after this word piece (it ends a word or ends with a hyphen or dash). */
  readonly breakAfter: boolean;
}

const BREAK_AFTER_CHARACTERS = new Set(['-', '–', '—', '/']);
const SOFT_HYPHEN = '\u00AD';

function piecesOf(runs: readonly StyledText[]): Piece[] {
  const pieces: Piece[] = [];
  for (const run of runs) {
    let word = '';
    const flushWord = (breakAfter: boolean): void => {
      if (word) pieces.push({ text: word, face: run.face, kind: 'word', breakAfter });
      word = '';
    };
    const characters = [...run.text];
    characters.forEach((character, index) => {
      if (character === SOFT_HYPHEN) {
        // Hyphenation hints are not used for breaking in print; Word keeps them in the DOCX.
        return;
      } else if (character === '\n') {
        flushWord(true);
        pieces.push({ text: '', face: run.face, kind: 'newline', breakAfter: true });
      } else if (character === ' ') {
        flushWord(true);
        const last = pieces[pieces.length - 1];
        if (last?.kind === 'space' && last.face === run.face) {
          pieces[pieces.length - 1] = { ...last, text: last.text + ' ' };
        } else pieces.push({ text: ' ', face: run.face, kind: 'space', breakAfter: true });
      } else {
        word += character;
        const next = characters[index + 1];
        // Break after a hyphen only inside a word: "Etelä-Pohjanmaa", not a lone "-".
        if (BREAK_AFTER_CHARACTERS.has(character) && word.length > 1 && next !== undefined && next !== ' ') {
          flushWord(true);
        }
      }
    });
    // A run ends mid-word when the next run continues it ("**Häme**enlinna"): no break there.
    flushWord(false);
  }
  // The last piece of the text ends a word.
  const last = pieces[pieces.length - 1];
  if (last?.kind === 'word') pieces[pieces.length - 1] = { ...last, breakAfter: true };
  return pieces;
}

/** Splits one over-long word into chunks that fit `maxWidth`, each but the last ending in a hyphen. */
function splitWord(text: string, face: FontFace, size: number, maxWidth: number): string[] {
  const chunks: string[] = [];
  let rest = [...text];
  while (rest.length > 0) {
    if (textWidth(rest.join(''), face, size) <= maxWidth) {
      chunks.push(rest.join(''));
      break;
    }
    let take = 1;
    while (take < rest.length && textWidth(rest.slice(0, take + 1).join('') + '-', face, size) <= maxWidth)
      take += 1;
    chunks.push(rest.slice(0, take).join('') + '-');
    rest = rest.slice(take);
  }
  return chunks;
}

/**
 * Breaks styled runs into lines no wider than `maxWidth` points at `size` points. Spaces at the
 * ends of lines are dropped; `\n` forces a break; the result always has at least one line.
 */
export function wrapRuns(runs: readonly StyledText[], size: number, maxWidth: number): TextLine[] {
  const lines: { parts: StyledText[]; joiner: '' | ' ' }[] = [];
  let line: StyledText[] = [];
  let lineWidth = 0;
  let pendingSpace: StyledText | undefined;

  const endLine = (joiner: '' | ' ' = pendingSpace ? ' ' : ''): void => {
    lines.push({ parts: line, joiner });
    line = [];
    lineWidth = 0;
    pendingSpace = undefined;
  };
  const place = (parts: readonly StyledText[], width: number): void => {
    if (pendingSpace && line.length > 0) {
      line.push(pendingSpace);
      lineWidth += textWidth(pendingSpace.text, pendingSpace.face, size);
    }
    pendingSpace = undefined;
    line.push(...parts);
    lineWidth += width;
  };

  const pieces = piecesOf(runs);
  let index = 0;
  while (index < pieces.length) {
    const piece = pieces[index];
    if (piece.kind === 'newline') {
      endLine(' ');
      index += 1;
      continue;
    }
    if (piece.kind === 'space') {
      if (line.length > 0) pendingSpace = piece;
      index += 1;
      continue;
    }
    // A group is the word pieces up to the next break opportunity: they stay on one line.
    const group: Piece[] = [];
    while (index < pieces.length && pieces[index].kind === 'word') {
      const member = pieces[index];
      group.push(member);
      index += 1;
      if (member.breakAfter) break;
    }
    const groupWidth = group.reduce((sum, member) => sum + textWidth(member.text, member.face, size), 0);
    const spaceWidth =
      pendingSpace && line.length > 0 ? textWidth(pendingSpace.text, pendingSpace.face, size) : 0;
    if (lineWidth + spaceWidth + groupWidth <= maxWidth + 0.01) {
      place(group, groupWidth);
      continue;
    }
    if (line.length > 0) endLine();
    if (groupWidth <= maxWidth + 0.01) {
      place(group, groupWidth);
      continue;
    }
    // Wider than a whole line: break between letters, piece by piece.
    for (const member of group) {
      const memberWidth = textWidth(member.text, member.face, size);
      if (lineWidth + memberWidth <= maxWidth + 0.01) {
        place([member], memberWidth);
        continue;
      }
      const chunks = splitWord(member.text, member.face, size, Math.max(1, maxWidth - lineWidth));
      const firstFits =
        lineWidth === 0 || textWidth(chunks[0] ?? '', member.face, size) <= maxWidth - lineWidth;
      const parts = firstFits ? chunks : splitWord(member.text, member.face, size, maxWidth);
      if (!firstFits) endLine();
      parts.forEach((chunk, chunkIndex) => {
        if (chunkIndex > 0) endLine();
        place([{ text: chunk, face: member.face }], textWidth(chunk, member.face, size));
      });
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push({ parts: line, joiner: '' });
  return lines.map(({ parts, joiner }) => toLine(parts, size, joiner));
}

function toLine(parts: readonly StyledText[], size: number, joiner: '' | ' '): TextLine {
  const merged: StyledText[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.face === part.face)
      merged[merged.length - 1] = { text: last.text + part.text, face: part.face };
    else merged.push(part);
  }
  let x = 0;
  const segments = merged.map((part) => {
    const width = textWidth(part.text, part.face, size);
    const segment = { text: part.text, face: part.face, x, width };
    x += width;
    return segment;
  });
  return { segments, width: x, joiner };
}

/** Plain text in one face, broken into lines. */
export function wrapText(text: string, face: FontFace, size: number, maxWidth: number): string[] {
  return wrapRuns([{ text, face }], size, maxWidth).map((line) => line.segments.map((s) => s.text).join(''));
}

/** The widest unbreakable piece of the text: a column narrower than this must break words. */
export function longestWordWidth(text: string, face: FontFace, size: number): number {
  return Math.max(0, ...text.split(/[\s]+|(?<=[-–—/])/u).map((word) => textWidth(word, face, size)));
}
