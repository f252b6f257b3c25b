import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Analytics1796666981049 implements MigrationInterface {
  name = 'Analytics1796666981049';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"analytics_rollups\" (\"metric\" varchar(60) NOT NULL, \"path\" varchar(300) NOT NULL, \"day\" varchar(10) NOT NULL, \"num\" integer NOT NULL, \"den\" integer NOT NULL, PRIMARY KEY (\"metric\", \"path\", \"day\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1a112753240eaf225dc3701ac6\" ON \"analytics_rollups\" (\"metric\", \"day\") ");
    await queryRunner.query("CREATE TABLE \"analytics_feed\" (\"metric\" varchar(60) PRIMARY KEY NOT NULL, \"watermark\" datetime(6) NOT NULL, \"refreshedAt\" datetime(6) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"analytics_dirty_days\" (\"metric\" varchar(60) NOT NULL, \"day\" varchar(10) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), PRIMARY KEY (\"metric\", \"day\"))");
    await queryRunner.query("CREATE TABLE \"analytics_kiosk_links\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"nodeId\" varchar(26) NOT NULL, \"path\" varchar(300) NOT NULL, \"title\" varchar(40), \"createdBy\" varchar(26) NOT NULL, \"expiresAt\" datetime(6) NOT NULL, \"revokedAt\" datetime(6), \"revokedBy\" varchar(26), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_5e4732e0cdef9818c7313f796f\" ON \"analytics_kiosk_links\" (\"createdBy\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_884ae668a0012288ed6cecd752\" ON \"analytics_kiosk_links\" (\"tokenHash\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_884ae668a0012288ed6cecd752\"");
    await queryRunner.query("DROP INDEX \"IDX_5e4732e0cdef9818c7313f796f\"");
    await queryRunner.query("DROP TABLE \"analytics_kiosk_links\"");
    await queryRunner.query("DROP TABLE \"analytics_dirty_days\"");
    await queryRunner.query("DROP TABLE \"analytics_feed\"");
    await queryRunner.query("DROP INDEX \"IDX_1a112753240eaf225dc3701ac6\"");
    await queryRunner.query("DROP TABLE \"analytics_rollups\"");
  }
}
