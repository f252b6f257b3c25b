// Bundles the compiled server (dist/main.js) into one ESM file, dist/server.mjs, which `npm start`
// runs: resolving and reading hundreds of small Nest/TypeORM modules was most of the cold start.
// Native and optional packages stay external and load from node_modules as usual.
import { build } from 'esbuild';

const external = [
  'better-sqlite3', 'mysql2', 'mysql2/*', 'ioredis', 'bullmq', 'exceljs', 'sharp', 'wechatpay-node-v3', 'swagger-ui-dist',
  // Optional peers that Nest and TypeORM probe for with try/require.
  'class-transformer', 'class-transformer/*', 'class-validator', '@nestjs/microservices', '@nestjs/microservices/*',
  '@nestjs/websockets', '@nestjs/websockets/*', '@nestjs/platform-fastify', '@fastify/static',
  'pg', 'pg-native', 'pg-query-stream', 'oracledb', 'mssql', 'sql.js', 'sqlite3', 'mongodb', 'redis', 'ts-node',
  '@sap/hana-client', '@sap/hana-client/*', 'hdb-pool', 'typeorm-aurora-data-api-driver', '@google-cloud/spanner',
  'react-native-sqlite-storage', 'sql-highlight', 'kerberos',
];

await build({
  entryPoints: ['dist/main.js'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  keepNames: true, // Nest resolves providers by class name in error messages and metadata
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
