import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ELDER_CHROME_CLASS, syncH5Chrome } from './h5-chrome';

const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
  document.documentElement.className = '';
  document.body.innerHTML = '';
});

describe('h5 chrome outside the page root', () => {
  it('scales the h5 navigation and tab bars with elder mode, and back', () => {
    process.env.TARO_ENV = 'h5';
    syncH5Chrome(true);
    expect(document.documentElement.classList.contains(ELDER_CHROME_CLASS)).toBe(true);
    syncH5Chrome(false);
    expect(document.documentElement.classList.contains(ELDER_CHROME_CLASS)).toBe(false);
  });

  it("lets the keyboard reach Taro's scrolling page container", () => {
    process.env.TARO_ENV = 'h5';
    document.body.innerHTML = '<div class="taro_page"></div><div class="taro_page" tabindex="-1"></div>';
    syncH5Chrome(false);
    expect([...document.querySelectorAll('.taro_page')].map((p) => p.getAttribute('tabindex'))).toEqual(['0', '-1']);
  });

  it('leaves weapp alone, where WeChat draws those bars', () => {
    process.env.TARO_ENV = 'weapp';
    syncH5Chrome(true);
    expect(document.documentElement.className).toBe('');
  });

  it("gives the selected tab elder mode's primary red, which Taro's inline colour would otherwise override", () => {
    const read = (file: string) => readFileSync(path.join(__dirname, file), 'utf8');
    const elderBlock = read('tokens.scss').split('.theme-root.theme-elder {')[1];
    const elderPrimary = /--color-primary:\s*(#[0-9a-f]{6});/i.exec(elderBlock)![1];
    expect(read('h5-chrome.scss')).toContain(`color: ${elderPrimary} !important;`);
  });
});
