// Taro's preset handles JSX, TypeScript and the per-platform polyfills for both weapp and h5.
// Jest does not read this file (its babel-jest transform uses configFile: false), so the
// preset's platform-specific plugins never leak into unit tests.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
