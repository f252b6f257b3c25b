import { maskName, maskPhone } from './privacy.js';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('hides a short number entirely and passes through absence', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBeNull();
  });
});

describe('maskName', () => {
  it('keeps the first and last character of a name and hides the rest', () => {
    expect(['王丽', '李建国', '欧阳娜娜', '赵', ' 张秀英 '].map(maskName)).toEqual(['王*', '李*国', '欧**娜', '赵', '张*英']);
  });
});
