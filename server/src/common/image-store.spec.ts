import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AppError } from './app-error.js';
import { ImageStore } from './image-store.js';

const dataUrl = (bytes: Buffer, mime = 'image/jpeg') => `data:${mime};base64,${bytes.toString('base64')}`;

/** A phone photo as a phone writes it: camera make, GPS position, and "rotate 90° to view" in its EXIF. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'HonglinPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' } })
    .toBuffer();
}

/**
 * A real decompression bomb: 6,500 × 6,500 of one colour is a 120 KB PNG that decodes to 42 megapixels
 * (a valid image, so only the pixel limit can refuse it).
 */
async function pixelBomb(): Promise<Buffer> {
  return sharp({ create: { width: 6500, height: 6500, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer();
}

const GPS_IFD_TAG = [Buffer.from([0x88, 0x25]), Buffer.from([0x25, 0x88])];

describe('ImageStore re-encodes every photo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hl-images-'));
  const store = new ImageStore(dir);

  it('stores a phone photo with no EXIF at all: no GPS position, no camera, orientation applied to the pixels', async () => {
    const original = await phonePhoto();
    const before = await sharp(original).metadata();
    expect(before.exif && GPS_IFD_TAG.some((tag) => before.exif!.includes(tag))).toBe(true);
    expect(before.orientation).toBe(6);

    const saved = await store.save(dataUrl(original), 1_000_000, 'MEETING_PHOTO_INVALID');
    const stored = readFileSync(join(dir, saved.fileName));
    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(stored.includes(Buffer.from('HonglinPhone'))).toBe(false);
    expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
    // Rotated upright: the 64×48 sensor image is stored 48 wide, 64 high.
    expect([after.width, after.height]).toEqual([48, 64]);
    expect([saved.width, saved.height]).toEqual([48, 64]);
  });

  it('shrinks a large photo to the longest edge asked for and writes a thumbnail beside it', async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const saved = await store.save(dataUrl(big), 5_000_000, 'MEETING_PHOTO_INVALID', { maxEdge: 1280, thumbnailEdge: 240 });
    expect([saved.width, saved.height]).toEqual([1280, 960]);
    const thumb = await sharp(readFileSync(join(dir, saved.thumbnailFileName!))).metadata();
    expect([thumb.width, thumb.height]).toEqual([240, 180]);
    expect(await store.read(saved.thumbnailFileName!)).not.toBeNull();
  });

  it('keeps a PNG a PNG (covers may be transparent), also without metadata', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .withExifMerge({ IFD0: { Make: 'HonglinPhone' } })
      .toBuffer();
    const saved = await store.save(dataUrl(png, 'image/png'), 100_000, 'ACTIVITY_COVER_INVALID');
    expect(saved.mime).toBe('image/png');
    const meta = await sharp(readFileSync(join(dir, saved.fileName))).metadata();
    expect(meta.format).toBe('png');
    expect(meta.exif).toBeUndefined();
    expect(meta.hasAlpha).toBe(true);
  });

  it('refuses a PDF that starts with JPEG magic bytes, a truncated photo and a pixel bomb with the kind\'s own code', async () => {
    const pdfDisguised = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('%PDF-1.7 not really a photo at all')]);
    const truncated = (await phonePhoto()).subarray(0, 60);
    const bomb = await pixelBomb();
    for (const [bytes, mime] of [[pdfDisguised, 'image/jpeg'], [truncated, 'image/jpeg'], [bomb, 'image/png']] as const) {
      await expect(store.save(dataUrl(bytes, mime), 5_000_000, 'MEETING_PHOTO_INVALID')).rejects.toEqual(new AppError('MEETING_PHOTO_INVALID'));
    }
  });
});
