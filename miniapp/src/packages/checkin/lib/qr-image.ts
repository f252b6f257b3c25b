import qrcode from 'qrcode-generator';

/**
 * A QR code as a GIF data URL: no canvas needed, so the same code path draws it in weapp (Image
 * accepts data URLs) and h5. Error correction M keeps a ~75-character token at version 5.
 */
export function qrDataUrl(text: string, cellSize = 8): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(cellSize, cellSize * 2);
}
