import { FileTypeValidator } from '@nestjs/common';

// @nestjs/common 12.5 asks for file-type 22 (Node ≥ 22); the root package.json overrides it to 21.3.4,
// which supports the Node 20 these machines run (ADR 0012). Nest's upload type check must still work.
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const file = (buffer: Buffer, mimetype: string) => ({ buffer, mimetype, size: buffer.length, originalname: 'x', fieldname: 'file', encoding: '7bit' }) as never;

describe('upload type detection with the overridden file-type', () => {
  it('recognises a PNG by its bytes and refuses text that claims to be one', async () => {
    const validator = new FileTypeValidator({ fileType: 'image/png' });
    expect(await validator.isValid(file(PNG_1X1, 'image/png'))).toBe(true);
    expect(await validator.isValid(file(Buffer.from('not a picture at all, just words'), 'image/png'))).toBe(false);
  });
});
