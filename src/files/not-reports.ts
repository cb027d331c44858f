// Files that sit beside reports but are none: Excel's lock files ("~$…"), LibreOffice's
// (".~lock…#") and macOS's companions ("._…"). The command line and the pane skip them by name,
// so they never count as a unit's unreadable report.
const NOT_A_REPORT = /^(~\$|\._|\.~lock\.)/;

/** True for a lock file or a macOS companion; `name` may be a path (either separator). */
export function isNotAReport(name: string): boolean {
  return NOT_A_REPORT.test(name.replace(/^.*[\\/]/, ''));
}
