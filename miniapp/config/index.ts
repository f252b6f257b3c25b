import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * One config for both targets: Taro sets TARO_ENV before loading this file, so weapp and h5
 * builds land in different folders and can coexist (the server serves dist-h5).
 */
const isH5 = process.env.TARO_ENV === 'h5';

/**
 * h5 is served by the API server itself, so '' (same origin, requests go to /api/...) is right.
 * weapp needs an absolute URL; HONGLIN_API_BASE overrides it for a phone on the LAN or production.
 */
const apiBase = process.env.HONGLIN_API_BASE ?? (isH5 ? '' : 'http://127.0.0.1:3000');

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'honglin',
    date: '2026-11-29',
    // NutUI is drawn on a 375 px design; our own styles on the usual 750 px one.
    designWidth(input) {
      const file = typeof input === 'object' && input ? String(input.file ?? '') : '';
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    // WECHAT_SI: the 同声传译 plugin is declared in app.config.ts (read-aloud in WeChat); see README.
    defineConstants: { API_BASE: JSON.stringify(apiBase), WECHAT_SI: JSON.stringify(Boolean(process.env.HONGLIN_WECHAT_SI_VERSION)) },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return config;
});
