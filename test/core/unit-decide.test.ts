// Several places in one text (or several header lines) naming units: one unit when they agree;
// when they name different units, the one stated at the deepest level (a header names the levels
// above a unit before the unit itself); else nobody, with every unit they could be.
import { RosterUnit } from '../../src/core/rules';
import { NameReading, decide } from '../../src/core/units';

const unit = (name: string, level: string, order: number): RosterUnit => ({ name, aliases: [], level, order });
const A = unit('Phường Hòa Lạc', 'Phường', 0);
const B = unit('Phường Yên Bình', 'Phường', 1);
const C = unit('Phường Tân Thành', 'Phường', 2);
const D = unit('Phường Tân Thạnh', 'Phường', 3);
const KP = unit('Khu phố 3', 'Khu phố', 4);

/** A place naming one unit: with a level of this rank before it, an organisation, or bare. */
const named = (u: RosterUnit, text: string, rank: number | null, stated = rank !== null): NameReading => ({ kind: 'unit', unit: u, text, rank, stated });
const fits = (units: RosterUnit[], text: string, stated = false, rank: number | null = null): NameReading => ({ kind: 'ambiguous', units, text, why: 'diacritics', rank, stated });
const NONE: NameReading = { kind: 'none' };

describe('decide: places that agree', () => {
  test('nothing named: nobody', () => {
    expect(decide([])).toEqual(NONE);
    expect(decide([NONE, NONE])).toEqual(NONE);
  });

  test('one place: itself', () => {
    const r = named(A, 'Hòa Lạc', null);
    expect(decide([NONE, r])).toBe(r);
  });

  test('the place that states the level is the evidence, then one with an organisation, then a bare one', () => {
    const bare = named(A, 'Hòa Lạc', null, false);
    const org = named(A, 'UBND Hòa Lạc', null, true);
    const level = named(A, 'PHƯỜNG HÒA LẠC', 3);
    expect(decide([bare, level])).toBe(level);
    expect(decide([level, bare])).toBe(level);
    expect(decide([bare, org])).toBe(org);
    expect(decide([org, level, bare])).toBe(level);
    // Equally strong: the first.
    const again = named(A, 'P. HÒA LẠC', 3);
    expect(decide([level, again])).toBe(level);
    expect(decide([bare, named(A, 'HOA LAC', null, false)])).toBe(bare);
  });

  test('a place that fits several units, this one among them, does not contradict it', () => {
    const r = named(C, 'PHƯỜNG TÂN THÀNH', 3);
    expect(decide([r, fits([C, D], 'TAN THANH')])).toBe(r);
  });
});

describe('decide: places that disagree', () => {
  test('a place that fits other units only: nobody, and every unit it could be', () => {
    const r = decide([named(A, 'Hòa Lạc', 3), fits([C, D], 'TAN THANH', true)]);
    expect(r).toEqual({ kind: 'ambiguous', units: [A, C, D], text: 'Hòa Lạc, TAN THANH', why: 'several', rank: null, stated: true });
  });

  test('the unit stated at the deepest level wins: a header names the ward above its hamlet', () => {
    const ward = named(A, 'PHƯỜNG HÒA LẠC', 3);
    const hamlet = named(KP, 'KHU PHỐ 3', 4);
    expect(decide([ward, hamlet])).toBe(hamlet);
    expect(decide([hamlet, ward])).toBe(hamlet);
    // A stated level outweighs a bare name ("Yên Bình, ngày …").
    expect(decide([named(B, 'Yên Bình', null, false), ward])).toBe(ward);
  });

  test('two units at the same depth, or both bare: nobody', () => {
    const two = decide([named(A, 'PHƯỜNG HÒA LẠC', 3), named(B, 'PHƯỜNG YÊN BÌNH', 3)]);
    expect(two).toEqual({ kind: 'ambiguous', units: [A, B], text: 'PHƯỜNG HÒA LẠC, PHƯỜNG YÊN BÌNH', why: 'several', rank: null, stated: true });
    const bare = decide([named(A, 'Hòa Lạc', null, false), named(B, 'Yên Bình', null, false)]);
    expect(bare).toEqual({ kind: 'ambiguous', units: [A, B], text: 'Hòa Lạc, Yên Bình', why: 'several', rank: null, stated: false });
    // Said to be stated when any of the places is.
    const mixed = decide([named(A, 'UBND Hòa Lạc', null, true), named(B, 'Yên Bình', null, false)]);
    expect(mixed.kind === 'ambiguous' && mixed.stated).toBe(true);
    // Organisations alone do not rank one place above another.
    const orgs = decide([named(A, 'UBND Hòa Lạc', null, true), named(B, 'UBND Yên Bình', null, true)]);
    expect(orgs.kind).toBe('ambiguous');
  });

  test('the deepest unit is not taken while another place fits other units', () => {
    const r = decide([named(A, 'PHƯỜNG HÒA LẠC', 3), named(KP, 'KHU PHỐ 3', 4), fits([C, D], 'TAN THANH')]);
    expect(r.kind === 'ambiguous' && r.units).toEqual([A, KP, C, D]);
  });
});

describe('decide: places that each fit several units', () => {
  test('the one unit they all fit', () => {
    const r = decide([fits([A, C], 'x', false, null), fits([C, D], 'y', true, 3)]);
    expect(r).toEqual({ kind: 'unit', unit: C, text: 'x', rank: null, stated: true });
    const bare = decide([fits([C, D], 'TAN THANH', false, 3), fits([A, C], 'z', false)]);
    expect(bare).toEqual({ kind: 'unit', unit: C, text: 'TAN THANH', rank: 3, stated: false });
  });

  test('one such place: itself', () => {
    const r = fits([C, D], 'TAN THANH', true, 3);
    expect(decide([NONE, r])).toBe(r);
  });

  test('two such places fitting the same two units: nobody, both candidates', () => {
    const r = decide([fits([C, D], 'TAN THANH'), fits([C, D], 'Tan Thanh')]);
    expect(r).toEqual({ kind: 'ambiguous', units: [C, D], text: 'TAN THANH, Tan Thanh', why: 'several', rank: null, stated: false });
  });

  test('two such places with nothing in common: nobody, all of them', () => {
    const r = decide([fits([C, D], 'TAN THANH'), fits([A, B], 'w')]);
    expect(r.kind === 'ambiguous' && r.units).toEqual([C, D, A, B]);
  });
});
