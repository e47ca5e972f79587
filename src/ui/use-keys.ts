// Subscribes to the terminal's input as Ink splits it: one key, one escape sequence or one run of text at a time.
import { useEffectEvent, useLayoutEffect } from 'react';
import { useStdin } from 'ink';
import { intentsOf, type KeyIntent } from './keys.js';

/*
 * Why not Ink's public `useInput`: it hands over a parsed key, not the data, and in ink 6.8
 * (parse-keypress.js, use-input.js) the parse loses what the editor needs:
 * - Backspace (\x7f) and Delete (\x1b[3~) both arrive as `key.delete` with empty input, so one of
 *   them would have to do the other's job;
 * - an escape sequence it has no name for (the bracketed-paste markers \x1b[200~ and \x1b[201~,
 *   focus reports) arrives as text with its ESC cut off ("[200~"), which cannot be told from typing
 *   and would land in the answer; keys.ts drops them.
 * So this listens where `useInput` itself listens, to the `input` events on `internal_eventEmitter`
 * (typed in StdinContext's Props, but internal by name), and reads them with keys.ts. If an Ink
 * upgrade renames it, every keyboard test in test/ui fails at once.
 */
export function useKeys(handler: (intent: KeyIntent) => void): void {
  const { internal_eventEmitter: emitter, setRawMode, isRawModeSupported } = useStdin();
  const onIntent = useEffectEvent(handler);
  // Subscribed in the same commit that draws the screen, so no key typed after it is drawn is lost.
  useLayoutEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    const listen = (data: string) => {
      for (const intent of intentsOf(data)) onIntent(intent);
    };
    emitter.on('input', listen);
    return () => {
      emitter.removeListener('input', listen);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [emitter, setRawMode, isRawModeSupported]);
}
