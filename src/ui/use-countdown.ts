// Seconds left of a question's time budget, ticking once a second.
import { useEffect, useState } from 'react';

export function useCountdown(startedAt: string | undefined, seconds: number, now: () => Date): number {
  // The clock is read on every render; the tick only makes a render happen once a second.
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return startedAt ? Math.round(seconds - (now().getTime() - Date.parse(startedAt)) / 1000) : seconds;
}

export function formatClock(seconds: number): string {
  const s = Math.abs(seconds);
  return `${seconds < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
