import type { CliIo } from './io.ts';

/** Progress on stderr, only when stderr is a terminal; silent otherwise (pipes, CI). */
export function progressReporter(io: CliIo): {
  note: (what: string) => void;
  step: (done: number, total: number) => void;
  done: () => void;
} {
  if (!io.stderrIsTty) return { note: () => {}, step: () => {}, done: () => {} };
  let last = 0;
  return {
    note: (what) => io.stderr(`\r\x1b[K${what}…`),
    step: (done, total) => {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      io.stderr(`\r\x1b[Kcomparing ${done}/${total} resources`);
    },
    done: () => io.stderr('\r\x1b[K'),
  };
}
