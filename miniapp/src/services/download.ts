import Taro from '@tarojs/taro';
import { readTokens } from '../stores/tokens';
import { request, showError } from './request';

const FAILED = '导出失败，请稍后重试';

/**
 * Downloads a file from the API and hands it to the user: h5 saves it, weapp opens it with
 * the menu to forward or save. Files need the login header, which a plain link can't carry; an
 * expired access token is renewed through `request` and the download tried once more.
 */
export function downloadXlsx(path: string, fileName: string): Promise<boolean> {
  return download(path, fileName, (filePath) => Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true }));
}

/** A JSON file (我的数据): WeChat cannot open one, so weapp offers to forward it (文件传输助手 saves it to phone or PC). */
export function downloadJson(path: string, fileName: string): Promise<boolean> {
  return download(path, fileName, (filePath) => Taro.shareFileMessage({ filePath, fileName }));
}

/** True when the file reached the user; a failure is shown, a share the user cancelled is not. */
async function download(path: string, fileName: string, open: (filePath: string) => Promise<unknown>): Promise<boolean> {
  try {
    if ((await fetchOnce(path, fileName, open)) === 401) {
      await request('/api/me', { toast: false });
      if ((await fetchOnce(path, fileName, open)) !== 200) throw new Error(FAILED);
    }
    return true;
  } catch (e) {
    const text = (e as { errMsg?: string; message?: string }).errMsg ?? (e as Error).message ?? '';
    if (!/cancel/.test(text)) showError({ message: e instanceof Error && e.message ? e.message : FAILED });
    return false;
  }
}

async function fetchOnce(path: string, fileName: string, open: (filePath: string) => Promise<unknown>): Promise<number> {
  const url = `${API_BASE}${path}`;
  const header = { Authorization: `Bearer ${readTokens()?.accessToken ?? ''}` };
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(url, { headers: header });
    if (res.status === 401) return 401;
    if (!res.ok) throw new Error(FAILED);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await res.blob());
    link.download = fileName;
    link.click();
    return 200;
  }
  const file = await Taro.downloadFile({ url, header });
  if (file.statusCode === 401) return 401;
  if (file.statusCode !== 200) throw new Error(FAILED);
  await open(file.tempFilePath);
  return 200;
}
