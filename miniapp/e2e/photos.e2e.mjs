import sharp from 'sharp';
import { api, apiLogin, assert, byTestId, loginAs } from './lib/app.mjs';

/**
 * A phone camera photo as a phone writes it: 4000 × 3000 with sensor noise (so it stays megabytes as a
 * JPEG), the camera's make and the GPS position where it was taken in its EXIF.
 */
async function phoneCameraPhoto() {
  const noise = Buffer.alloc(4000 * 3000 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  return sharp(noise, { raw: { width: 4000, height: 3000, channels: 3 } })
    .jpeg({ quality: 92 })
    .withExifMerge({ IFD0: { Make: 'HonglinPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' } })
    .toBuffer();
}

export const tests = [
  {
    name: 'photos: a multi-megabyte phone photo chosen in h5 is shrunk to fit before upload and stored without EXIF or GPS',
    async run({ baseUrl, page }) {
      const organiser = await apiLogin(baseUrl, 'grid_worker');
      const managed = await api(baseUrl, '/api/activities/manage', { token: organiser.accessToken });
      const activity = (managed.body.items ?? managed.body)[0];
      assert(activity?.id, `no activity to edit: ${managed.text}`);
      const photo = await phoneCameraPhoto();
      assert(photo.length > 2_000_000, `the test photo should be a phone-sized file, is ${photo.length} bytes`);

      await loginAs(page, baseUrl, 'grid_worker');
      await page.goto(`${baseUrl}/#/packages/activities/pages/edit/index?id=${activity.id}`);
      let uploaded = 0;
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/cover')) uploaded = (r.postData() ?? '').length;
      });
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), byTestId(page, 'cover-pick').click()]);
      await chooser.setFiles({ name: 'IMG_20261207.jpg', mimeType: 'image/jpeg', buffer: photo });
      const cover = page.locator('.activity-cover:visible img, img.activity-cover:visible').first();
      await cover.waitFor({ timeout: 30_000 });

      const detail = await api(baseUrl, `/api/activities/${activity.id}`, { token: organiser.accessToken });
      assert(detail.body.coverImage, 'the cover was not saved');
      const stored = Buffer.from(await (await fetch(`${baseUrl}${detail.body.coverImage}`)).arrayBuffer());
      const meta = await sharp(stored).metadata();
      assert(!meta.exif, 'the stored cover still carries EXIF');
      assert(!stored.includes(Buffer.from('HonglinPhone')), 'the stored cover still names the camera');
      assert(Math.max(meta.width, meta.height) <= 1280, `the cover is ${meta.width}×${meta.height}, expected at most 1280 px`);
      // What the phone sent fits the API's 256 KB request limit (the 3 MB original never could).
      assert(uploaded > 0 && uploaded <= 256 * 1024, `the upload was ${uploaded} bytes`);
    },
  },
];
