// What reading a hostile or broken file must end in: a ReadError, whose message is returned.
import { DEFAULT_LIMITS, ReadError, ReadLimits, readWorkbookBuffer } from '../../src/files/read';

export const limits = (over: Partial<ReadLimits>): ReadLimits => ({ ...DEFAULT_LIMITS, ...over });

export async function refusal(bytes: Uint8Array, name: string, l: ReadLimits = DEFAULT_LIMITS): Promise<string> {
  const err = await readWorkbookBuffer(bytes, name, l).then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(ReadError);
  return (err as ReadError).message;
}
