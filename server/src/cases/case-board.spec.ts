import { maskCaseText, median } from './case-board.service.js';

describe('public board masking', () => {
  it('masks digits (rooms, phones) and cuts long text', () => {
    expect(maskCaseText('3号楼2单元501室门口漏水，电话13800000001')).toBe('*号楼*单元***室门口漏水，电话***********');
    expect(maskCaseText('三号楼楼道灯坏了')).toBe('*号楼楼道灯坏了');
    expect(maskCaseText('长'.repeat(50))).toBe(`${'长'.repeat(40)}…`);
  });

  it('takes the median of odd and even counts, null for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
