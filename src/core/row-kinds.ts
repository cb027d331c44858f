// Rows of a list of units that are no unit: a group heading over the units that follow ("Các
// phường", "I – CÁC XÃ"), a part's sum ("Cộng cụm 1"), the list's total ("Tổng cộng"). Used by the
// tables of units in reports and by the rules' roster alike.
import { foldPlain, phraseTest } from './text';
import { GROUP_HEADING_WORDS, SUBTOTAL_WORDS, TOTAL_ROW } from './vocabulary';

export const isTotalRow = phraseTest(TOTAL_ROW, 'exact');
/** "Các phường", "Khối xã", "Cụm 2", "I. Các xã", "Nhóm 1" (folded): a heading over the units that follow. */
export const GROUP_HEADING = new RegExp(`^(?:(?:[ivx]+|[a-h]|\\d+) )?(?:${GROUP_HEADING_WORDS.map(foldPlain).join('|')})\\b`);
/** "Cộng cụm 1", "Tổng các xã" (folded): a part's sum inside a table of units; "Tổng cộng" is the table's total. */
export const SUBTOTAL = new RegExp(`^(?:${SUBTOTAL_WORDS.map(foldPlain).join('|')}) (?!cong\\b)`);

/**
 * A row of a roster that names no unit (folded text): a numbered heading ("I – Các phường"), one
 * starting "Các", a part's sum or the total. An unnumbered "Khối 5" or "Cụm 2" may be a unit.
 */
export function isListRowOfNoUnit(folded: string): boolean {
  return (/^(?:[ivx]+|[a-h]|\d+) /.test(folded) && GROUP_HEADING.test(folded)) || /^cac\b/.test(folded) || SUBTOTAL.test(folded) || isTotalRow(folded);
}
