import Taro from '@tarojs/taro';

/** "Cancelled" by the person (closed the picker): not an error worth showing. */
export const PICK_CANCELLED = '';

/**
 * Lets the person take or choose one photo and returns it as a data URL under `maxBytes` (weapp
 * compresses first; h5 reads the file as chosen). Throws an Error with a Chinese message otherwise.
 */
export async function pickImageAsDataUrl(maxBytes: number): Promise<string> {
  const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(() => {
    throw new Error(PICK_CANCELLED);
  });
  const path = picked.tempFilePaths[0];
  if (process.env.TARO_ENV === 'h5') {
    // The chosen File itself: fetching its blob: URL is refused by the page's CSP (connect-src 'self').
    const file = (picked.tempFiles[0] as { originalFileObj?: Blob } | undefined)?.originalFileObj;
    const blob = file ?? (await (await fetch(path)).blob());
    if (blob.size > maxBytes) throw new Error('照片太大，请选择小一些的照片');
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(new Error('读取照片失败'));
      reader.readAsDataURL(blob);
    });
  }
  const small = await Taro.compressImage({ src: path, quality: 40 });
  const base64 = Taro.getFileSystemManager().readFileSync(small.tempFilePath, 'base64') as string;
  if (base64.length * 0.75 > maxBytes) throw new Error('照片太大，请选择小一些的照片');
  return `data:image/${/\.png$/i.test(small.tempFilePath) ? 'png' : 'jpeg'};base64,${base64}`;
}

/** Server paths (/api/…) need the API's origin in weapp; h5 is served from the same origin. */
export function imageUrl(src: string): string {
  return src.startsWith('/') ? `${API_BASE}${src}` : src;
}
