// Property tests of unit identity: rosters generated with traps (numbered units, diacritic
// twins, names sharing words, names containing other names, one name at two levels), and every
// way a clerk writes a unit's name. A writing names its unit or nobody, never another unit; the
// plain writings (a level stated, diacritics kept or not needed) always name their unit.
import fc from 'fast-check';
import { RosterUnit } from '../../src/core/rules';
import { NameMode, UnitMatcher, rosterKey } from '../../src/core/units';

// Written here without the code under test: what a roster of traps looks like.
const TWINS: Array<[string, string]> = [
  ['Tân Thành', 'Tân Thạnh'],
  ['Bình Thành', 'Bình Thạnh'],
  ['An Hòa', 'An Hóa'],
  ['Phú Mỹ', 'Phú My'],
  ['Long Hưng', 'Long Hùng'],
  ['Mỹ Phước', 'Mỹ Phúc'],
];
const CONTAINING: Array<[string, string]> = [
  ['Hòa Lạc', 'Hòa Lạc Mới'],
  ['An Phú', 'An Phú Đông'],
  ['Tân Phú', 'Tân Phú Trung'],
];
const SHARING = ['Tân Phong', 'Phú Tân', 'Tân Bình', 'Bình Tân', 'Đông Hòa'];
const TWO_LEVELS = ['Long Bình', 'Hiệp Phước'];
const NUMBERED_LEVELS: Array<{ level: string; short: string[] }> = [
  { level: 'Phường', short: ['P.', 'P', 'P '] },
  { level: 'Khu phố', short: ['KP', 'KP.', 'Kp '] },
  { level: 'Tổ dân phố', short: ['TDP', 'TDP '] },
];
const SHORT: Record<string, string[]> = { Phường: ['P.', 'P. ', 'P '], Xã: ['X.', 'X. '] };

interface Unit extends RosterUnit {
  core: string;
  levelWord: string;
  numbered: boolean;
}

const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

const rosterArb = fc
  .record({
    numberedLevel: fc.constantFrom(...NUMBERED_LEVELS),
    count: fc.integer({ min: 10, max: 30 }),
    twins: fc.subarray(TWINS, { minLength: 1 }),
    containing: fc.subarray(CONTAINING),
    sharing: fc.subarray(SHARING),
    twoLevels: fc.subarray(TWO_LEVELS),
    twinLevel: fc.constantFrom('Phường', 'Xã'),
    levelColumn: fc.boolean(),
  })
  .map((o) => {
    const units: Unit[] = [];
    const add = (levelWord: string, core: string, numbered = false) =>
      units.push({ name: `${levelWord} ${core}`, aliases: [], level: o.levelColumn ? levelWord : '', order: units.length, core, levelWord, numbered });
    for (let n = 1; n <= o.count; n++) add(o.numberedLevel.level, String(n), true);
    for (const [a, b] of o.twins) {
      add(o.twinLevel, a);
      add(o.twinLevel, b);
    }
    for (const [a, b] of o.containing) {
      add('Phường', a);
      add('Phường', b);
    }
    for (const s of o.sharing) add('Xã', s);
    for (const s of o.twoLevels) {
      add('Phường', s);
      add('Xã', s);
    }
    return units;
  });

/** Every unit in the roster whose core folds like this one's, at the same level: its twins. */
function hasTwin(unit: Unit, roster: Unit[]): boolean {
  return roster.some((u) => u !== unit && u.levelWord === unit.levelWord && strip(u.core).toLowerCase() === strip(unit.core).toLowerCase());
}

interface Writing {
  author: Unit;
  text: string;
  mode: NameMode;
  /** Must name the unit (not only "not another one"). */
  plain: boolean;
}

const writingArb = (roster: Unit[]) =>
  fc
    .record({
      unit: fc.constantFrom(...roster),
      levelForm: fc.constantFrom('full', 'short', 'none', 'org'),
      pad: fc.constantFrom('', '0', '00'),
      caseForm: fc.constantFrom('asis', 'upper', 'lower'),
      stripMarks: fc.boolean(),
      nfd: fc.boolean(),
      spaces: fc.boolean(),
      mode: fc.constantFrom<NameMode>('line', 'name', 'cell'),
      fileForm: fc.constantFrom('underscore', 'dash', 'camel'),
      upperLine: fc.option(fc.constantFrom('QUẬN ỦY QUẬN', 'ĐẢNG BỘ THỊ XÃ', 'HUYỆN ỦY', 'UBND THÀNH PHỐ'), { nil: undefined }),
      upperOf: fc.constantFrom(...roster),
      shortPick: fc.nat(),
    })
    .map((w): Writing => {
      const u = w.unit;
      const core = u.numbered ? w.pad + u.core : u.core;
      const shorts = u.numbered ? NUMBERED_LEVELS.find((l) => l.level === u.levelWord)!.short : (SHORT[u.levelWord] ?? []);
      let levelForm = w.levelForm;
      if (levelForm === 'short' && shorts.length === 0) levelForm = 'full';
      if (levelForm === 'none' && u.numbered) levelForm = 'full';
      let text =
        levelForm === 'full'
          ? `${u.levelWord} ${core}`
          : levelForm === 'short'
            ? `${shorts[w.shortPick % shorts.length]}${core}`
            : levelForm === 'org'
              ? `Đảng ủy ${u.levelWord.toLowerCase()} ${core}`
              : core;
      if (w.caseForm === 'upper') text = text.toUpperCase();
      if (w.caseForm === 'lower') text = text.toLowerCase();
      if (w.stripMarks) text = strip(text);
      if (w.spaces) text = `  ${text.replace(/ /g, '   ')} `;
      if (w.mode === 'name') {
        text =
          w.fileForm === 'underscore'
            ? `BC_${text.trim()}_2023`
            : w.fileForm === 'dash'
              ? `bao cao 6 thang - ${text.trim()}`
              : text
                  .trim()
                  .split(/\s+/)
                  .map((x) => x[0].toUpperCase() + x.slice(1).toLowerCase())
                  .join('');
      }
      if (w.mode === 'line' && w.upperLine) {
        const upper = w.upperLine === 'QUẬN ỦY QUẬN' ? `${w.upperLine} ${w.shortPick % 12}` : `${w.upperLine} ${w.upperOf.core.toUpperCase()}`;
        text = `${upper}\n${text}`;
      }
      if (w.nfd) text = text.normalize('NFD');
      const levelStated = levelForm !== 'none';
      // Run-together file names lose the word boundaries a name needs ("Phường1" is fine, "PTan..." is not).
      const camelLosesWords = w.mode === 'name' && w.fileForm === 'camel' && levelForm === 'short';
      const plain = levelStated && !camelLosesWords && !(w.stripMarks && hasTwin(u, roster));
      return { author: u, text, mode: w.mode, plain };
    });

const cases = rosterArb.chain((roster) => fc.tuple(fc.constant(roster), fc.array(writingArb(roster), { minLength: 1, maxLength: 20 })));

describe('unit identity, generated rosters with traps', () => {
  test('generated rosters are valid: no two rows share a roster key', () => {
    fc.assert(
      fc.property(rosterArb, (roster) => {
        expect(new Set(roster.map(rosterKey)).size).toBe(roster.length);
      }),
      { numRuns: 200 },
    );
  });

  test('every writing names its own unit or nobody, never another; plain writings name their unit', () => {
    fc.assert(
      fc.property(cases, ([roster, writings]) => {
        const matcher = new UnitMatcher(roster);
        for (const w of writings) {
          const r = matcher.read(w.text, w.mode);
          const unit = r.kind === 'unit' ? r.unit : null;
          if (unit) expect([w.text, w.mode, unit.name]).toEqual([w.text, w.mode, w.author.name]);
          if (w.plain) expect([w.text, w.mode, r.kind, unit?.name]).toEqual([w.text, w.mode, 'unit', w.author.name]);
        }
      }),
      { numRuns: 400, seed: 0x7e57 },
    );
  });
});

