// The file readers (zip, XML, the .xlsx reader) load when files are first added or the sample
// rules are inserted, as a chunk of their own, so the pane's first load stays small. A failed
// load is not remembered: the next try loads again.
export type FileReaders = typeof import('../files/read');

let loading: Promise<FileReaders> | undefined;

export function fileReaders(): Promise<FileReaders> {
  loading ??= import(/* webpackChunkName: "readers" */ '../files/read').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
