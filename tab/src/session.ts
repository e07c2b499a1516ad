import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type DependencyList,
} from 'react';
import type { MeResponse } from '../../bot/src/shared/contracts';
import type { ApiClient, ApiProblem } from './api';
import type { Host } from './host';

/** What every view may use: the API client, the host (Teams or browser), who is signed in, and the live region. */
export interface Session {
  readonly api: ApiClient;
  readonly host: Host;
  /** Undefined on public views before or without sign-in. */
  readonly me: MeResponse | undefined;
  /** Says something in the polite live region (loading done, saved, counts). */
  readonly announce: (message: string) => void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the tab shell');
  return session;
}

export function useApi(): ApiClient {
  return useSession().api;
}

/** The signed-in person; views with `participant` or `coordinator` access always have one. */
export function useMe(): MeResponse {
  const { me } = useSession();
  if (!me) throw new Error('useMe is used on a view that does not require sign-in');
  return me;
}

/**
 * Starts what a click asks for (a save, an answer) without leaving a promise behind: a failure
 * goes to `onError`, which shows it.
 */
export function runAction(work: () => Promise<void>, onError: (error: Error) => void): void {
  work().catch((reason: unknown) => onError(reason instanceof Error ? reason : new Error(String(reason))));
}

/**
 * Runs a click handler whose work reports its own errors (a notice beside the control); anything
 * that still escapes is a bug, logged rather than left as an unhandled rejection.
 */
export function runHandled(work: () => Promise<unknown>): void {
  work().catch((reason: unknown) => console.error(reason));
}

export type ApiData<T> =
  | { readonly status: 'loading'; readonly data: T | undefined }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly data: T | undefined; readonly error: ApiProblem | Error };

/**
 * Loads data when the dependencies change and keeps the last data while reloading; a response
 * that arrives after a newer request started is dropped.
 */
export function useApiData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): ApiData<T> & { readonly reload: () => void } {
  const [state, setState] = useState<ApiData<T>>({ status: 'loading', data: undefined });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    load().then(
      (data) => {
        if (request === latest.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setState((previous) => ({
          status: 'error',
          data: previous.data,
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      },
    );
    // The caller's dependencies decide when to reload; `load` is a fresh closure every render.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
