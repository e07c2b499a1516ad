import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'restify';
import { isStatusCode } from '../storage/errors';
import { sendProblem } from './problem';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the built tab from one directory. Hashed assets are cached for a year; the HTML is
 * always revalidated so a deployment takes effect at once. Paths cannot leave the directory.
 */
export function staticFiles(root: string, mountPath: string, headers: Record<string, string> = {}) {
  const resolvedRoot = path.resolve(root);
  return async (req: Request, res: Response): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice(mountPath.length)).replace(/^\/+/, '');
    } catch (error) {
      if (!(error instanceof URIError)) throw error;
      sendProblem(res, 400, 'The path is not valid percent-encoded UTF-8.');
      return;
    }
    if (relative === '') relative = 'index.html';
    // The file system throws on NUL bytes and over-long names (a 500 with a stack before); no file
    // of the tab can have such a name, so they are simply not found.
    if (!isPlausibleFileName(relative)) {
      sendProblem(res, 404);
      return;
    }
    const file = path.resolve(resolvedRoot, relative);
    if (!file.startsWith(resolvedRoot + path.sep)) {
      sendProblem(res, 404);
      return;
    }
    let size: number;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { statusCode: 404 });
      size = info.size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (isStatusCode(error, 404) || code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG') {
        sendProblem(res, 404);
        return;
      }
      throw error;
    }
    const extension = path.extname(file);
    const immutable = relative.startsWith('assets/');
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(extension === '.html' ? headers : {}),
    });
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file);
      stream.on('error', reject);
      stream.on('end', () => resolve());
      stream.pipe(res);
    });
  };
}

const MAX_SEGMENT_BYTES = 255;
const MAX_PATH_BYTES = 1024;

function isPlausibleFileName(relative: string): boolean {
  if (relative.includes('\0') || Buffer.byteLength(relative) > MAX_PATH_BYTES) return false;
  return relative.split('/').every((segment) => Buffer.byteLength(segment) <= MAX_SEGMENT_BYTES);
}
