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

export type TemplateMaker = typeof import('./templates');

let loadingTemplates: Promise<TemplateMaker> | undefined;

/** The template maker (ExcelJS with it), loaded on the first "Tạo biểu mẫu báo cáo". */
export function templateMaker(): Promise<TemplateMaker> {
  loadingTemplates ??= import(/* webpackChunkName: "templates" */ './templates').catch((e: unknown) => {
    loadingTemplates = undefined;
    throw e;
  });
  return loadingTemplates;
}
