import { z } from 'zod';

/** A small JPEG or PNG sent as a data URL; the server also checks the bytes are what they claim. */
export const imageDataUrl = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil((maxBytes * 4) / 3) + 40, '照片太大，请压缩后再上传')
    .regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/, '只支持 JPG 或 PNG 照片');
