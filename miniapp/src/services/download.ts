import Taro from '@tarojs/taro';
import { readTokens } from '../stores/tokens';
import { request, showError } from './request';

const FAILED = '导出失败，请稍后重试';

/**
 * Downloads an Excel file from the API and hands it to the user: h5 saves it, weapp opens it with
 * the menu to forward or save. Files need the login header, which a plain link can't carry; an
 * expired access token is renewed through `request` and the download tried once more.
 */
export async function downloadXlsx(path: string, fileName: string): Promise<void> {
  try {
    if ((await fetchOnce(path, fileName)) === 401) {
      await request('/api/me', { toast: false });
      if ((await fetchOnce(path, fileName)) !== 200) throw new Error(FAILED);
    }
  } catch (e) {
    showError({ message: (e as Error).message || FAILED });
  }
}

async function fetchOnce(path: string, fileName: string): Promise<number> {
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
  await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
  return 200;
}
