// Subscribes to the terminal's raw input, as Ink delivers it, one key or one paste at a time.
import { useLayoutEffect, useRef } from 'react';
import { useStdin } from 'ink';
import { intentsOf, type KeyIntent } from './keys.js';

export function useKeys(handler: (intent: KeyIntent, raw: string) => void, active = true): void {
  const { internal_eventEmitter: emitter, setRawMode, isRawModeSupported } = useStdin();
  const latest = useRef(handler);
  latest.current = handler;
  // Subscribed in the same commit that draws the screen, so no key typed after it is drawn is lost.
  useLayoutEffect(() => {
    if (!active) return;
    if (isRawModeSupported) setRawMode(true);
    const listen = (data: string) => {
      for (const intent of intentsOf(data)) latest.current(intent, data);
    };
    emitter.on('input', listen);
    return () => {
      emitter.removeListener('input', listen);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [active, emitter, setRawMode, isRawModeSupported]);
}
