/// <reference types="@tarojs/taro" />

declare module '*.scss';
declare module '*.css';
declare module '*.png' {
  const src: string;
  export default src;
}

/** Injected by config/index.ts (defineConstants): '' means same origin (h5 served by the API server). */
declare const API_BASE: string;

/** Injected by config/index.ts: the build declares WeChat's 同声传译 plugin (HONGLIN_WECHAT_SI_VERSION). */
declare const WECHAT_SI: boolean;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'quickapp';
    NODE_ENV: 'development' | 'production' | 'test';
  }
}
