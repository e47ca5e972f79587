// Subscribes to the terminal's input through Ink's public `useStdin`: the data as it arrives, cut into keys by keys.ts.
import { useEffectEvent, useLayoutEffect } from 'react';
import { useStdin } from 'ink';
import { intentsOf, splitKeys, type KeyIntent } from './keys.js';

/*
 * Why not Ink's `useInput`: in ink 6 its parse loses what the editor needs. Backspace (\x7f) and
 * Delete (\x1b[3~) both arrive as `key.delete`, and a sequence it has no name for (the
 * bracketed-paste markers, focus reports) arrives as text with its ESC cut off, which cannot be
 * told from typing. Ink 7 fixes both (and adds `usePaste`) but needs Node 22; rehearse runs on
 * Node 20. So this reads the stdin stream `useStdin` hands out, as its documentation suggests
 * for what `useInput` cannot do: Ink still owns raw mode and reads the stream, and each chunk it
 * reads is also a 'data' event here.
 */
export function useKeys(handler: (intent: KeyIntent) => void): void {
  const { stdin, setRawMode, isRawModeSupported } = useStdin();
  const onIntent = useEffectEvent(handler);
  // Subscribed in the same commit that draws the screen, so no key typed after it is drawn is lost.
  useLayoutEffect(() => {
    if (!isRawModeSupported) return;
    // Raw mode first: Ink then reads the stream, so listening for data does not start it flowing on its own.
    setRawMode(true);
    let pending = '';
    let flush: NodeJS.Immediate | undefined;
    const emit = (pieces: string[]) => {
      for (const piece of pieces) for (const intent of intentsOf(piece)) onIntent(intent);
    };
    const listen = (data: string | Buffer) => {
      if (flush) clearImmediate(flush);
      const split = splitKeys(pending + data.toString());
      pending = split.pending;
      emit(split.pieces);
      // An ESC with nothing after it in this read is the Escape key, unless the rest comes at once.
      if (pending)
        flush = setImmediate(() => {
          const alone = pending;
          pending = '';
          emit([alone]);
        });
    };
    stdin.on('data', listen);
    return () => {
      if (flush) clearImmediate(flush);
      stdin.removeListener('data', listen);
      setRawMode(false);
    };
  }, [stdin, setRawMode, isRawModeSupported]);
}
