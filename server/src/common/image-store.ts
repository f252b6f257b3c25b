import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ErrorCode } from '@honglin/shared';
import { AppError } from './app-error.js';
import { newSecret } from './ids.js';

/** Magic bytes: the declared type must match what the bytes are, or the upload is refused. */
const SIGNATURES: Record<string, Buffer> = { 'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]), 'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47]) };
const FILE_NAME = /^[A-Za-z0-9_-]{24}(\.thumb)?\.(jpg|png)$/;
/**
 * A decompression bomb (a small file that decodes to gigapixels) is refused before it is decoded:
 * 40 megapixels is above any phone camera's photo and far below what would exhaust memory.
 */
const MAX_INPUT_PIXELS = 40_000_000;
/** Longest edge kept: enough for a phone screen at 3×, and it bounds what a stored photo weighs. */
const DEFAULT_MAX_EDGE = 1920;

export interface StoredImage {
  fileName: string;
  mime: 'image/jpeg' | 'image/png';
  bytes: number;
  width: number;
  height: number;
  /** Present when a thumbnail was asked for: same name with `.thumb` before the extension. */
  thumbnailFileName?: string;
}

export interface SaveOptions {
  maxEdge?: number;
  /** Longest edge of a JPEG thumbnail to store beside the photo. */
  thumbnailEdge?: number;
}

/**
 * Photos people upload (meeting photos, activity covers, visit and report photos), sent as data
 * URLs: checked by their bytes, then decoded and re-encoded with sharp so nothing of the original
 * file but its pixels reaches storage — no EXIF (a phone photo carries where it was taken), no XMP,
 * no trailing data; the EXIF orientation is applied to the pixels first so the photo stays upright.
 * Stored under an unguessable name in one folder per kind. Local disk: several instances need a
 * shared folder (noted in docs/security.md).
 */
export class ImageStore {
  constructor(private readonly dir: string) {}

  async save(dataUrl: string, maxBytes: number, invalid: ErrorCode, options: SaveOptions = {}): Promise<StoredImage> {
    const [, mime, b64] = /^data:(image\/(?:jpeg|png));base64,(.*)$/s.exec(dataUrl) ?? [];
    const bytes = Buffer.from(b64 ?? '', 'base64');
    if (!mime || bytes.length < 8 || bytes.length > maxBytes || !bytes.subarray(0, SIGNATURES[mime].length).equals(SIGNATURES[mime])) throw new AppError(invalid);
    const png = mime === 'image/png';
    const encoded = await reencode(bytes, png, options.maxEdge ?? DEFAULT_MAX_EDGE, invalid);
    const name = newSecret(18);
    const fileName = `${name}.${png ? 'png' : 'jpg'}`;
    await mkdir(this.dir, { recursive: true });
    let thumbnailFileName: string | undefined;
    if (options.thumbnailEdge) {
      const thumb = await reencode(encoded.data, false, options.thumbnailEdge, invalid);
      thumbnailFileName = `${name}.thumb.jpg`;
      await writeFile(join(this.dir, thumbnailFileName), thumb.data);
    }
    await writeFile(join(this.dir, fileName), encoded.data);
    return { fileName, mime: mime as StoredImage['mime'], bytes: encoded.data.length, width: encoded.info.width, height: encoded.info.height, thumbnailFileName };
  }

  /** Null for a name this store never gives out (no path tricks) or a file that is gone. */
  async read(fileName: string): Promise<{ mime: string; bytes: Buffer } | null> {
    if (!FILE_NAME.test(fileName)) return null;
    try {
      return { mime: fileName.endsWith('.png') ? 'image/png' : 'image/jpeg', bytes: await readFile(join(this.dir, fileName)) };
    } catch {
      return null;
    }
  }
}

/** Decode, turn upright, shrink to fit, encode afresh; sharp writes no metadata unless asked to. */
async function reencode(bytes: Buffer, png: boolean, maxEdge: number, invalid: ErrorCode) {
  try {
    const pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true });
    return await (png ? pipeline.png({ compressionLevel: 9 }) : pipeline.jpeg({ quality: 82 })).toBuffer({ resolveWithObject: true });
  } catch {
    // Not an image after all (a PDF with a JPEG header), truncated, or too many pixels.
    throw new AppError(invalid);
  }
}
