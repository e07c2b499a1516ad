import {
  TableClient,
  type TableEntity,
  type TableEntityResult,
  type TableTransactionResponse,
  type TransactionAction,
  odata,
} from '@azure/data-tables';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { StorageSettings } from '../config/config';
import { z } from 'zod';
import { ConflictError, InvalidContinuationTokenError, isStatusCode } from './errors';

export { odata };

/** One page of a listing and the token that fetches the next one (undefined on the last page). */
export interface Page<T> {
  readonly items: T[];
  readonly continuationToken: string | undefined;
}

export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** One HTTP request to Table Storage, as an observer sees it (each retry is a request of its own). */
export interface StorageCall {
  /** The table's own name, without the prefix (table creation counts as a call to its table). */
  readonly table: string;
  readonly method: string;
  /** An entity-group transaction (one request, several rows). */
  readonly batch: boolean;
  /**
   * The HTTP status, or undefined when no response came (a network error). A transaction is
   * answered 202 even when it fails; its status here is then the failed operation's (409, 412…).
   */
  readonly status: number | undefined;
}

export type StorageObserver = (call: StorageCall) => void;

const OBSERVER_POLICY = 'digiverkosto-storage-observer';

export const TABLE_NAMES = [
  'municipalities',
  'participants',
  'coordinators',
  'rounds',
  'events',
  'installations',
] as const;
export type CoreTableName = (typeof TABLE_NAMES)[number];

/**
 * Hands out table clients for one storage account and table-name prefix. Each table is created
 * the first time it is used and only once per process, so start-up needs no migration step.
 */
export class TableStore {
  private readonly clients = new Map<string, Promise<TableClient>>();
  private readonly credential: TokenCredential | undefined;
  private readonly observers = new Set<StorageObserver>();

  constructor(
    private readonly settings: StorageSettings,
    readonly prefix: string,
  ) {
    if (settings.kind === 'managedIdentity') {
      this.credential = settings.clientId
        ? new ManagedIdentityCredential({ clientId: settings.clientId })
        : new DefaultAzureCredential();
    }
  }

  /** The full table name: prefix plus the table's own name, letters and digits only. */
  tableName(name: string): string {
    return `${this.prefix}${name}`.replace(/[^A-Za-z0-9]/g, '');
  }

  async table(name: string): Promise<TableClient> {
    const fullName = this.tableName(name);
    let client = this.clients.get(fullName);
    if (!client) {
      client = this.createTable(fullName);
      this.clients.set(fullName, client);
      // A failed creation must not poison the cache: the next caller tries again.
      client.catch(() => this.clients.delete(fullName));
    }
    return client;
  }

  /**
   * Tells `observer` about every request to storage from now on, retries included; returns the
   * function that stops it. Off by default (no observer, no work): benchmarks count calls per turn.
   */
  observe(observer: StorageObserver): () => void {
    this.observers.add(observer);
    return () => {
      this.observers.delete(observer);
    };
  }

  /** Checks that storage answers; used by the readiness probe. */
  async ping(): Promise<void> {
    const client = await this.table('installations');
    const iterator = client
      .listEntities({ queryOptions: { select: ['PartitionKey'] } })
      .byPage({ maxPageSize: 1 });
    await iterator.next();
  }

  private async createTable(fullName: string): Promise<TableClient> {
    const client = this.newClient(fullName);
    try {
      await client.createTable();
    } catch (error) {
      if (!isStatusCode(error, 409)) throw error;
    }
    return client;
  }

  private newClient(fullName: string): TableClient {
    const client = this.connect(fullName);
    const table = fullName.startsWith(this.tableName(''))
      ? fullName.slice(this.tableName('').length)
      : fullName;
    // After the retry policy, so each attempt is counted; a no-op while nobody observes.
    client.pipeline.addPolicy(
      {
        name: OBSERVER_POLICY,
        sendRequest: async (request, next) => {
          if (this.observers.size === 0) return next(request);
          const batch = request.url.includes('$batch');
          const tell = (status: number | undefined): void => {
            for (const observer of this.observers) observer({ table, method: request.method, batch, status });
          };
          try {
            const response = await next(request);
            tell(batch ? (failedOperationStatus(response.bodyAsText) ?? response.status) : response.status);
            return response;
          } catch (error) {
            tell(undefined);
            throw error;
          }
        },
      },
      { afterPhase: 'Retry' },
    );
    return client;
  }

  private connect(fullName: string): TableClient {
    if (this.settings.kind === 'connectionString') {
      const insecure = /TableEndpoint=http:\/\/|UseDevelopmentStorage=true/i.test(
        this.settings.connectionString,
      );
      return TableClient.fromConnectionString(this.settings.connectionString, fullName, {
        allowInsecureConnection: insecure,
      });
    }
    if (!this.credential) throw new Error('A managed identity credential is required');
    return new TableClient(this.settings.endpoint, fullName, this.credential);
  }
}

/** The status of the operation that failed a transaction, from the multipart response body. */
function failedOperationStatus(body: string | null | undefined): number | undefined {
  if (!body) return undefined;
  for (const match of body.matchAll(/^HTTP\/1\.1 (\d{3})/gm)) {
    const status = Number(match[1]);
    if (status >= 400) return status;
  }
  return undefined;
}

/** Reads one row, or undefined when it does not exist. */
export async function getEntity<E extends object>(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<TableEntityResult<E> | undefined> {
  try {
    return await client.getEntity<E>(partitionKey, rowKey);
  } catch (error) {
    if (isStatusCode(error, 404)) return undefined;
    throw error;
  }
}

/** Replaces a row only if nobody changed it since `etag` was read; otherwise {@link ConflictError}. */
export async function replaceIfUnchanged<E extends object>(
  client: TableClient,
  entity: TableEntity<E>,
  etag: string,
): Promise<string> {
  // Storage refuses a malformed ETag with 400 InvalidInput; no stored version can carry one, so it
  // is a version conflict like any stale ETag (a client's If-Match of "x" gets 412, not 500).
  if (!isTableEtag(etag)) throw new ConflictError(client.tableName, entity.partitionKey, entity.rowKey);
  try {
    const response = await client.updateEntity(entity, 'Replace', { etag });
    return response.etag ?? '';
  } catch (error) {
    if (isStatusCode(error, 412))
      throw new ConflictError(client.tableName, entity.partitionKey, entity.rowKey);
    throw error;
  }
}

/**
 * Submits an entity-group transaction whose updates carry the ETags read: a stale ETag (412), a
 * row created meanwhile (409) or one gone (404) means someone else changed the partition first,
 * and becomes a {@link ConflictError} naming the row the caller cares about.
 */
export async function submitConditional(
  client: TableClient,
  actions: TransactionAction[],
  partitionKey: string,
  rowKey: string,
): Promise<TableTransactionResponse> {
  try {
    return await client.submitTransaction(actions);
  } catch (error) {
    if (isStatusCode(error, 412) || isStatusCode(error, 409) || isStatusCode(error, 404)) {
      throw new ConflictError(client.tableName, partitionKey, rowKey);
    }
    throw error;
  }
}

/** Creates a row only if it does not exist yet; returns false when it already did. */
export async function createIfAbsent<E extends object>(
  client: TableClient,
  entity: TableEntity<E>,
): Promise<boolean> {
  try {
    await client.createEntity(entity);
    return true;
  } catch (error) {
    if (isStatusCode(error, 409)) return false;
    throw error;
  }
}

/** Deletes a row; returns false when it was already gone. */
export async function deleteIfPresent(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<boolean> {
  try {
    await client.deleteEntity(partitionKey, rowKey);
    return true;
  } catch (error) {
    if (isStatusCode(error, 404)) return false;
    throw error;
  }
}

/** Reads one page of a query, continuing from a token a previous page returned. */
export async function readPage<E extends object, T>(
  client: TableClient,
  query: { filter?: string; pageSize: number; continuationToken?: string | undefined },
  map: (entity: TableEntityResult<E>) => T,
): Promise<Page<T>> {
  if (query.continuationToken !== undefined && !isContinuationToken(query.continuationToken)) {
    throw new InvalidContinuationTokenError();
  }
  const pages = client
    .listEntities<E>({ queryOptions: query.filter ? { filter: query.filter } : {} })
    .byPage({ maxPageSize: query.pageSize, continuationToken: query.continuationToken });
  let first: Awaited<ReturnType<typeof pages.next>>;
  try {
    first = await pages.next();
  } catch (error) {
    // A well-formed token with keys storage cannot continue from: still the client's token.
    if (query.continuationToken !== undefined && isStatusCode(error, 400)) {
      throw new InvalidContinuationTokenError();
    }
    throw error;
  }
  if (first.done) return { items: [], continuationToken: undefined };
  const page = first.value;
  return { items: page.map(map), continuationToken: page.continuationToken };
}

/**
 * Reads every row a query matches, page by page; for bounded sets such as one round's events.
 * `select` names the only columns wanted, which keeps a large scan's responses small.
 */
export async function readAll<E extends object, T>(
  client: TableClient,
  filter: string | undefined,
  map: (entity: TableEntityResult<E>) => T,
  select?: readonly string[],
): Promise<T[]> {
  const items: T[] = [];
  const queryOptions = { ...(filter ? { filter } : {}), ...(select ? { select: [...select] } : {}) };
  for await (const page of client.listEntities<E>({ queryOptions }).byPage({ maxPageSize: 1000 })) {
    for (const entity of page) items.push(map(entity));
  }
  return items;
}
/** Table Storage's ETags: `W/"datetime'<encoded timestamp>'"`; `*` means any version. */
function isTableEtag(etag: string): boolean {
  return etag === '*' || /^W\/"datetime'[^'"]+'"$/.test(etag);
}

const continuationTokenSchema = z
  .object({ nextPartitionKey: z.string().min(1).max(1024), nextRowKey: z.string().max(1024).optional() })
  .strict();

/**
 * The SDK's tokens are base64 JSON with the next keys. It parses them itself and fails with a bare
 * SyntaxError (or quietly starts over on `{}`), so a token from a client is checked here first.
 */
function isContinuationToken(token: string): boolean {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(token)) return false;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
  return continuationTokenSchema.safeParse(decoded).success;
}
