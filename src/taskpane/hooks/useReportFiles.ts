// The report files picked or dropped on the pane: the same name again replaces the earlier copy
// (dropping a corrected file is the usual reason); files the reader cannot read are refused at
// once and named.
import { useCallback, useRef, useState } from 'react';
import { pickedFile } from '../check';
import type { PickedFile } from '../check';
import { splitByFormat } from '../formats';

export interface FileEntry {
  id: number;
  file: PickedFile;
}

export interface ReportFiles {
  files: FileEntry[];
  /** Adds the readable files; returns the names of those refused. */
  add: (picked: File[]) => string[];
  remove: (id: number) => void;
  clear: () => void;
}

export function useReportFiles(): ReportFiles {
  const [files, setFiles] = useState<FileEntry[]>([]);
  const nextId = useRef(1);
  const add = useCallback((picked: File[]) => {
    const { accepted, refused } = splitByFormat(picked);
    if (accepted.length) {
      const entries = accepted.map((f) => ({ id: nextId.current++, file: pickedFile(f) }));
      const names = new Set(accepted.map((f) => f.name));
      setFiles((old) => [...old.filter((f) => !names.has(f.file.name)), ...entries]);
    }
    return refused;
  }, []);
  const remove = useCallback((id: number) => setFiles((old) => old.filter((f) => f.id !== id)), []);
  const clear = useCallback(() => setFiles([]), []);
  return { files, add, remove, clear };
}
