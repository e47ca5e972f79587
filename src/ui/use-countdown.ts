// Seconds left of a question's time budget, ticking once a second.
import { useEffect, useState } from 'react';

export function useCountdown(startedAt: string | undefined, seconds: number, now: () => Date): number {
  const left = () => (startedAt ? Math.round(seconds - (now().getTime() - Date.parse(startedAt)) / 1000) : seconds);
  const [value, setValue] = useState(left);
  useEffect(() => {
    setValue(left());
    const timer = setInterval(() => setValue(left()), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [startedAt, seconds]);
  return value;
}

export function formatClock(seconds: number): string {
  const s = Math.abs(seconds);
  return `${seconds < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
