import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorCode } from '@honglin/shared';
import { AppError } from './app-error.js';
import { newSecret } from './ids.js';

/** Magic bytes: the declared type must match what the bytes are, or the upload is refused. */
const SIGNATURES: Record<string, Buffer> = { 'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]), 'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47]) };
const FILE_NAME = /^[A-Za-z0-9_-]{24}\.(jpg|png)$/;

export interface StoredImage {
  fileName: string;
  mime: 'image/jpeg' | 'image/png';
  bytes: number;
}

/**
 * Small JPEG/PNG uploads (meeting photos, activity covers) sent as data URLs: checked by their bytes,
 * stored under an unguessable name in one folder per kind. Local disk: several instances need a
 * shared folder (noted in docs/security.md).
 */
export class ImageStore {
  constructor(private readonly dir: string) {}

  async save(dataUrl: string, maxBytes: number, invalid: ErrorCode): Promise<StoredImage> {
    const [, mime, b64] = /^data:(image\/(?:jpeg|png));base64,(.*)$/.exec(dataUrl) ?? [];
    const bytes = Buffer.from(b64 ?? '', 'base64');
    if (!mime || bytes.length < 8 || bytes.length > maxBytes || !bytes.subarray(0, SIGNATURES[mime].length).equals(SIGNATURES[mime])) throw new AppError(invalid);
    const fileName = `${newSecret(18)}.${mime === 'image/png' ? 'png' : 'jpg'}`;
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, fileName), bytes);
    return { fileName, mime: mime as StoredImage['mime'], bytes: bytes.length };
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
