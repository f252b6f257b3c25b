export * from './errors.js';
export * from './roles.js';
export * from './privacy.js';
export * from './time.js';
export * from './contracts/auth.js';
export * from './contracts/org.js';
