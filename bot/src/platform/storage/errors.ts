/** A concurrent writer changed the row since it was read (HTTP 412 on an ETag-conditional write). */
export class ConflictError extends Error {
  constructor(
    readonly table: string,
    readonly partitionKey: string,
    readonly rowKey: string,
  ) {
    super(`The row ${partitionKey}/${rowKey} in ${table} was changed by someone else`);
    this.name = 'ConflictError';
  }
}

/**
 * A continuation token a client sent back is not one storage handed out (garbled, edited, from
 * another listing). The client's mistake: the API answers 400, not a 500 with a stack.
 */
export class InvalidContinuationTokenError extends Error {
  constructor() {
    super('The continuation token is not valid');
    this.name = 'InvalidContinuationTokenError';
  }
}

/** Storage could not be reached or answered with a server error. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('Table Storage is not reachable', { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** True when the error is an Azure REST error with the given HTTP status. */
export function isStatusCode(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === status;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** True when a storage call failed because the service could not be reached (or answered 5xx). */
export function isStorageUnreachable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, statusCode, name } = error as { code?: unknown; statusCode?: unknown; name?: unknown };
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  if (
    name === 'RestError' &&
    (statusCode === undefined || (typeof statusCode === 'number' && statusCode >= 500))
  ) {
    return true;
  }
  return false;
}
