import sharp from 'sharp';

/** A phone photo as a phone writes it: camera make, GPS position and an orientation flag in its EXIF. */
export async function phonePhoto(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2a6' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'HonglinPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' } })
    .toBuffer();
}

export const jpegDataUrl = (bytes: Buffer) => `data:image/jpeg;base64,${bytes.toString('base64')}`;

/** What a stored photo still says about where and with what it was taken: nothing, once re-encoded. */
export async function metadataLeft(bytes: Buffer): Promise<{ exif: boolean; gps: boolean; camera: boolean; orientation?: number }> {
  const meta = await sharp(bytes).metadata();
  const exif = meta.exif ?? Buffer.alloc(0);
  return {
    exif: exif.length > 0 || bytes.includes(Buffer.from('Exif\0\0')),
    gps: exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])),
    camera: bytes.includes(Buffer.from('HonglinPhone')),
    orientation: meta.orientation,
  };
}
