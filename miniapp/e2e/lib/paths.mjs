import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MINIAPP_DIR = path.resolve(here, '../..');
export const REPO_DIR = path.resolve(MINIAPP_DIR, '..');
export const H5_DIR = path.join(MINIAPP_DIR, 'dist-h5');
// The same bundle `npm start` runs.
export const SERVER_MAIN = path.join(REPO_DIR, 'server', 'dist', 'server.mjs');
export const SCREENSHOT_DIR = path.join(REPO_DIR, 'docs', 'screenshots');
