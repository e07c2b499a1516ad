import type { Response as BotResponse } from 'botbuilder';
import type { Response } from 'restify';
import { sendProblem } from '../http/problem';

/**
 * The response object handed to the Bot Framework adapter. The adapter writes the text of an
 * authentication or processing error into the body (`Unauthorized. Invalid AppId…`); this keeps
 * the status and replaces any error body with problem details that say nothing about the cause.
 * Successful bodies (invoke responses) pass through unchanged.
 */
export function sanitisedResponse(res: Response): BotResponse {
  let status = 200;
  let body: unknown;
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return this;
    },
    send(content: unknown) {
      body = content;
      return this;
    },
    end() {
      if (status >= 400) {
        sendProblem(res, status);
        return this;
      }
      if (body === undefined) {
        res.writeHead(status);
        res.end();
        return this;
      }
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, {
        'Content-Type':
          typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
      });
      res.end(text);
      return this;
    },
  };
}
