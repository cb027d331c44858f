// A worker thread that reads report files for the command line (see readers.ts).
import { parentPort, workerData } from 'worker_threads';
import { InputFile, readOne, readerFromBytes } from './readers';

const port = parentPort!;
const ready = readerFromBytes(workerData.rulesBytes as Uint8Array, workerData.rulesName as string);
let pending = 0;
let stopping = false;

// Two files are in flight at a time: "stop" may come while one is still being read.
const closeIfDone = () => {
  if (stopping && pending === 0) port.close();
};

port.on('message', async (m: { index: number; file: InputFile } | { stop: true }) => {
  if ('stop' in m) {
    stopping = true;
    closeIfDone();
    return;
  }
  pending++;
  const outcome = await readOne(await ready, m.file);
  port.postMessage({ index: m.index, outcome });
  pending--;
  closeIfDone();
});
