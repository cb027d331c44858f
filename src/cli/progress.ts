// A progress bar on stderr while many files are read in a terminal; nothing otherwise,
// so logs and pipes stay clean.
import type cliProgressType from 'cli-progress';

export interface Progress {
  tick(file: string): void;
  stop(): void;
}

export function startProgress(total: number, enabled: boolean): Progress {
  if (!enabled) return { tick: () => undefined, stop: () => undefined };
  // Loaded only when a bar is shown (a terminal, many files): logs and pipes never need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cliProgress = require('cli-progress') as typeof cliProgressType;
  const bar = new cliProgress.SingleBar(
    {
      format: 'Đang đọc [{bar}] {value}/{total} tệp | {file}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    tick: (file) => bar.increment(1, { file: file.length > 40 ? '…' + file.slice(-39) : file }),
    stop: () => bar.stop(),
  };
}
