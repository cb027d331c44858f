// The command line run in this process, its output and exit code caught: one helper for every CLI test.
import { main } from '../../src/cli/main';

export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
