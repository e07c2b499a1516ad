/** The messages between the benchmark's load process and its bot process (Node IPC). */

export type BotCommand =
  | { readonly op: 'seedParticipants'; readonly from: number; readonly to: number }
  | { readonly op: 'createPoll'; readonly pollId: string }
  /** Answers through the service (not HTTP): filling the poll whose results are read. */
  | { readonly op: 'seedAnswers'; readonly pollId: string; readonly from: number; readonly to: number }
  /** The storage calls counted since the last reset; `reset` starts a new count. */
  | { readonly op: 'counters'; readonly reset: boolean }
  /** Bench-only: serve participant look-ups from memory, as the planned participant cache would. */
  | { readonly op: 'participantCache'; readonly on: boolean }
  /** The tally of a poll against a recount of its stored answers. */
  | { readonly op: 'tallyCheck'; readonly pollId: string }
  /** Removes a poll's answer rows, so later phases do not pay for them in Azurite's table scans. */
  | { readonly op: 'dropAnswers'; readonly pollId: string }
  /** Starts, or stops and writes to `file`, a CPU profile of the bot process (`--profile`). */
  | { readonly op: 'profile'; readonly file: string | undefined }
  | { readonly op: 'stop' };

export interface StorageCounts {
  readonly calls: number;
  readonly byTable: Readonly<Record<string, number>>;
  /** Calls by "table method" (e.g. `wishpollanswers POST batch`, `participants GET`). */
  readonly byKind: Readonly<Record<string, number>>;
  readonly conflicts412: number;
  readonly conflicts409: number;
  readonly notFound404: number;
  readonly failed: number;
}

export interface TallyCheck {
  readonly pollId: string;
  readonly respondents: number;
  readonly storedAnswers: number;
  readonly equal: boolean;
}

export type BotReply =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

export type BotMessage =
  | { readonly kind: 'ready'; readonly port: number; readonly pid: number }
  | ({ readonly kind: 'reply' } & BotReply);
