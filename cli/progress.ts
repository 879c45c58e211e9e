/**
 * A progress bar on stderr for long CLI work (backups, restores, large imports). Drawn only on a terminal, so
 * scripts and logs get the plain result lines and no control characters.
 */
export interface ProgressBar {
  update(done: number, total: number): void;
  done(): void;
}

const WIDTH = 28;
const EVERY_MS = 100;

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let drawn = false;
  const draw = (done: number, total: number) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(ratio * WIDTH);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%  ${done}/${total}`);
    drawn = true;
  };
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < EVERY_MS && done < total) return;
      last = now;
      draw(done, total);
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
