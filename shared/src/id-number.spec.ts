import { idCheckChar, maskIdNumber, normalizeIdNumber, parseIdNumber } from './id-number.js';

// 11010519491231002X is the standard's own worked example.
describe('resident ID numbers (GB 11643)', () => {
  it('accepts a number whose check character matches, with the birth date and gender it encodes', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('normalises full-width digits, a lowercase x and spaces before checking', () => {
    expect(normalizeIdNumber('１１０１０５ 1949 1231 002ｘ')).toBe('11010519491231002X');
    expect(parseIdNumber('11010519491231002x')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('refuses a wrong check character, a wrong length and an impossible birth date', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, reason: expect.stringContaining('校验位') });
    expect(parseIdNumber('1101051949123100')).toMatchObject({ ok: false });
    const feb30 = '11010519490230001';
    expect(parseIdNumber(feb30 + idCheckChar(feb30))).toEqual({ ok: false, reason: expect.stringContaining('出生日期') });
  });

  it('widens an old 15-digit number to 18 with the century and a computed check character', () => {
    const r = parseIdNumber('110105491231002');
    expect(r).toMatchObject({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31' });
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
