// The terminal's size for the screens that lay text out themselves.
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/** The terminal's size, followed as it changes; no rows where the output is not a terminal. */
export function useTerminalSize(): { rows?: number; columns: number } {
  const { stdout } = useStdout();
  const read = () => ({ ...(stdout.isTTY && stdout.rows ? { rows: stdout.rows } : {}), columns: stdout.columns || 80 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  });
  return size;
}
