// The sync counts the README promises ("Round trips and request sizes"), as literal numbers.
// The code's own constants are never the expectation: a change here is a deliberate change of
// the README's table (readmeCounts.test.ts reads the table and holds both together).
export const README_SYNCS = {
  /** read the workbook */
  read: 4,
  /** write the rollup */
  write: 2,
  /** write the rollup over an earlier one */
  writeAgain: 3,
  /** more syncs to roll a failed rollup back */
  writeRollback: 2,
  /** flag the findings */
  flag: 4,
  /** more syncs to drop an unfinished undo sheet after a failed flag */
  flagRollback: 2,
  /** read the undo record */
  readUndo: 2,
  /** clear the flags */
  clear: 5,
} as const;
