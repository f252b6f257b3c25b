import Taro from '@tarojs/taro';

/** "Cancelled" by the person (closed the picker): not an error worth showing. */
export const PICK_CANCELLED = '';

/**
 * Lets the person take or choose one photo and returns it as a data URL under `maxBytes`. A phone camera
 * photo is several megabytes: weapp compresses it with the platform, h5 redraws it on a canvas at most
 * 1280 px on its long edge and lowers the JPEG quality until it fits. (The server re-encodes whatever
 * arrives anyway, which is what removes EXIF and GPS; this only makes the upload small enough to send.)
 * Throws an Error with a Chinese message otherwise.
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
    return shrinkInBrowser(blob, maxBytes);
  }
  const small = await Taro.compressImage({ src: path, quality: 40 });
  const base64 = Taro.getFileSystemManager().readFileSync(small.tempFilePath, 'base64') as string;
  if (base64.length * 0.75 > maxBytes) throw new Error('照片太大，请选择小一些的照片');
  return `data:image/${/\.png$/i.test(small.tempFilePath) ? 'png' : 'jpeg'};base64,${base64}`;
}

const LONG_EDGE_PX = 1280;

/** h5: the photo as a JPEG data URL under maxBytes, smaller and softer until it fits. */
async function shrinkInBrowser(blob: Blob, maxBytes: number): Promise<string> {
  if (!/^image\/(jpeg|png|webp|gif|bmp)$/.test(blob.type) && blob.type !== '') throw new Error('请选择一张照片（JPG 或 PNG）');
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' }).catch(() => {
    throw new Error('这张照片无法读取，请换一张');
  });
  try {
    for (const edge of [LONG_EDGE_PX, 960, 640]) {
      const scale = Math.min(1, edge / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      for (const quality of [0.82, 0.7, 0.55, 0.4]) {
        const dataUrl = canvas.toDataURL('image/jpeg', quality);
        if (dataUrl.length * 0.75 <= maxBytes) return dataUrl;
      }
    }
  } finally {
    bitmap.close();
  }
  throw new Error('照片太大，请选择小一些的照片');
}

/** Server paths (/api/…) need the API's origin in weapp; h5 is served from the same origin. */
export function imageUrl(src: string): string {
  return src.startsWith('/') ? `${API_BASE}${src}` : src;
}
