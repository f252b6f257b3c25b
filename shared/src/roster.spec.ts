import { categoryTags, excelSerialToDay, guessMapping, neutralizeCell, normalizeName, normalizePhone, parseAddress, parseIdCell, parseRosterDate } from './roster.js';

describe('roster cells read as the ledger needs them', () => {
  it('guesses the field of common Chinese headers, each field once', () => {
    expect(guessMapping(['姓名', '身份证号码', '联系电话', '楼栋', '单元', '门牌号', '与户主关系', '人员类别', '电话', '其它'])).toEqual({
      姓名: 'name', 身份证号码: 'idNumber', 联系电话: 'phone', 楼栋: 'building', 单元: 'unit', 门牌号: 'room', 与户主关系: 'relation', 人员类别: 'category', 电话: 'ignore', 其它: 'ignore',
    });
  });

  it('reads birth dates written every way rosters write them', () => {
    for (const raw of ['1958-03-05', '1958/3/5', '1958.3.5', '1958年3月5日', '19580305', '１９５８年３月５日']) expect(parseRosterDate(raw)).toBe('1958-03-05');
    expect(parseRosterDate(21249)).toBe('1958-03-05');
    expect(excelSerialToDay(21249)).toBe('1958-03-05');
    expect(parseRosterDate('1958.2.30')).toBeNull();
    expect(parseRosterDate('不详')).toBeNull();
  });

  it('refuses ID numbers Excel turned into numbers, widens 15-digit ones, accepts full-width digits and lowercase x', () => {
    expect(parseIdCell(110105195803051234)).toMatchObject({ ok: false, code: 'numeric_lost' });
    expect(parseIdCell('1.10105E+17')).toMatchObject({ ok: false, code: 'numeric_lost' });
    expect(parseIdCell(110105580305123)).toMatchObject({ ok: true, value: '11010519580305123' + parseIdCellCheck('11010519580305123'), birthDate: '1958-03-05' });
    const valid = '11010519491231002X';
    expect(parseIdCell(valid.toLowerCase())).toMatchObject({ ok: true, value: valid });
    expect(parseIdCell('１１０１０５１９４９１２３１００２x')).toMatchObject({ ok: true, value: valid });
    expect(parseIdCell('110105194912310021')).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('normalises names and phones for comparison', () => {
    expect(normalizeName('王 〇 Ｌｉ')).toBe(normalizeName('王零LI'));
    expect(normalizePhone('138-0013 8000')).toBe('13800138000');
    expect(normalizePhone('+86 13800138000')).toBe('13800138000');
    expect(normalizePhone('１３８００１３８０００')).toBe('13800138000');
    expect(normalizePhone('12345')).toBeNull();
  });

  it('reads an address and the tags a category implies', () => {
    expect(parseAddress('幸福小区3号楼2单元301室')).toEqual({ building: '3号楼', unit: '2', room: '301' });
    expect(parseAddress('3栋301')).toEqual({ building: '3号楼', unit: '', room: '301' });
    expect(categoryTags('低保、残疾')).toEqual(['dibao', 'disabled']);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const v of ['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeCell(v)).toBe(`'${v}`);
    expect(neutralizeCell('王丽')).toBe('王丽');
  });
});

function parseIdCellCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return '10X98765432'[first17.split('').reduce((s, d, i) => s + Number(d) * w[i], 0) % 11];
}
