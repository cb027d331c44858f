// Checks a corpus set as the command line does and scores the result against the set's truth:
// wrong attributions (a report or row credited to a unit other than its author: the worst error),
// attributions missed, roster refusals, and the planted findings found.
import { CheckSession, readRules } from '../../src/core';
import type { CheckResult } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { CorpusSet } from './generate';

export interface Score {
  reports: number;
  /** Credited to their author. */
  correct: number;
  /** Credited to a roster unit other than the author, or to one when nothing identifies the author. */
  wrong: string[];
  /** Left unknown although something written identifies the author. */
  missed: string[];
  /** Roster rows the rules reader refused. */
  rosterRefusals: number;
  planted: number;
  found: number;
  lost: string[];
  /** Units whose only file could not be read, shown as "unreadable". */
  unreadableRight: number;
  unreadable: number;
}

export async function runSet(set: CorpusSet): Promise<CheckResult> {
  const { rules, problems } = readRules(await readWorkbookBuffer(set.rules, 'rules.xlsx'));
  const session = new CheckSession(rules, problems);
  for (const f of set.files) {
    if (f.bytes) session.addWorkbook(await readWorkbookBuffer(f.bytes, f.name));
    else session.addFileError(f.name, f.error ?? 'không đọc được');
  }
  return session.finish();
}

export function score(set: CorpusSet, result: CheckResult): Score {
  const s: Score = { reports: set.authors.length, correct: 0, wrong: [], missed: [], rosterRefusals: 0, planted: set.planted.length, found: 0, lost: [], unreadableRight: 0, unreadable: set.unreadable.length };
  for (const a of set.authors) {
    const sub = result.submissions.find((x) => x.file === a.file && x.sheet === a.sheet && (a.cell === null || x.unitEvidence?.cell === a.cell));
    const credited = sub && sub.inRoster ? sub.unit : null;
    const where = `${a.file}${a.cell ? `!${a.cell}` : ''}`;
    if (credited && credited !== a.unit) s.wrong.push(`${where}: by ${a.unit ?? 'nobody identifiable'}, credited to ${credited}`);
    else if (!credited && a.unit) s.missed.push(`${where}: by ${a.unit}, left ${sub ? `as "${sub.unit}"` : 'unread'}`);
    else s.correct++;
  }
  s.rosterRefusals = result.findings.filter((f) => f.kind === 'invalid-rule' && f.sheet === 'Đơn vị').length;
  for (const p of set.planted) {
    if (result.findings.some((f) => f.unit === p.unit && f.indicator === p.indicator && p.kinds.includes(f.kind))) s.found++;
    else s.lost.push(`${p.unit} ${p.indicator} ${p.kinds.join('|')}`);
  }
  const status = new Map(result.units.map((u) => [u.unit, u.status]));
  s.unreadableRight = set.unreadable.filter((u) => status.get(u) === 'unreadable').length;
  return s;
}

export function total(scores: Score[]): Score {
  const t: Score = { reports: 0, correct: 0, wrong: [], missed: [], rosterRefusals: 0, planted: 0, found: 0, lost: [], unreadableRight: 0, unreadable: 0 };
  for (const s of scores) {
    t.reports += s.reports;
    t.correct += s.correct;
    t.wrong.push(...s.wrong);
    t.missed.push(...s.missed);
    t.rosterRefusals += s.rosterRefusals;
    t.planted += s.planted;
    t.found += s.found;
    t.lost.push(...s.lost);
    t.unreadableRight += s.unreadableRight;
    t.unreadable += s.unreadable;
  }
  return t;
}
