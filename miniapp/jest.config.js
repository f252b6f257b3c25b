// Unit tests run the real modules against small hand-written stand-ins for Taro (test/taro.ts,
// test/components.tsx): @tarojs/test-utils-react is broken with Taro 4 / jest 30.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  transform: {
    '^.+\\.[jt]sx?$': [
      'babel-jest',
      {
        // Not babel.config.js: Taro's preset targets the mini-program build, not Node.
        configFile: false,
        babelrc: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          ['@babel/preset-react', { runtime: 'automatic' }],
          '@babel/preset-typescript',
        ],
      },
    ],
  },
  // @honglin/shared ships ES modules (shared/dist); everything else in node_modules is CommonJS-ready.
  transformIgnorePatterns: ['/node_modules/(?!@honglin/)'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/components.tsx',
    '\\.(css|scss|png)$': '<rootDir>/test/style-stub.js',
  },
  // defineConstants from config/index.ts, as the build would inject them.
  globals: { API_BASE: 'http://api.test', WECHAT_SI: false },
  clearMocks: true,
};
