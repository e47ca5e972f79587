// The terminal's size for the screens that lay text out themselves.
import { useCallback, useSyncExternalStore } from 'react';
import { useStdout } from 'ink';

type Stream = ReturnType<typeof useStdout>['stdout'];

/**
 * One 'resize' listener per output stream, whatever the number of components that follow its size
 * (a score card lays out a dozen paragraphs): a listener each would pass Node's limit of ten.
 */
const following = new WeakMap<Stream, { callbacks: Set<() => void>; onResize: () => void }>();

function follow(stdout: Stream, callback: () => void): () => void {
  let entry = following.get(stdout);
  if (!entry) {
    const callbacks = new Set<() => void>();
    entry = { callbacks, onResize: () => [...callbacks].forEach((c) => c()) };
    following.set(stdout, entry);
  }
  const { callbacks, onResize } = entry;
  if (callbacks.size === 0) stdout.on('resize', onResize);
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
    if (callbacks.size === 0) stdout.off('resize', onResize);
  };
}

/** The terminal's size, followed as it changes; no rows where the output is not a terminal. */
export function useTerminalSize(): { rows?: number; columns: number } {
  const { stdout } = useStdout();
  const subscribe = useCallback((callback: () => void) => follow(stdout, callback), [stdout]);
  const rows = useSyncExternalStore(subscribe, () => (stdout.isTTY && stdout.rows ? stdout.rows : undefined));
  const columns = useSyncExternalStore(subscribe, () => stdout.columns || 80);
  return { ...(rows ? { rows } : {}), columns };
}
