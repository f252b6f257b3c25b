import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Analytics1796666981049 implements MigrationInterface {
  name = 'Analytics1796666981049';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `analytics_rollups` (`metric` varchar(60) NOT NULL, `path` varchar(300) NOT NULL, `day` varchar(10) NOT NULL, `num` int NOT NULL, `den` int NOT NULL, INDEX `IDX_1a112753240eaf225dc3701ac6` (`metric`, `day`), PRIMARY KEY (`metric`, `path`, `day`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `analytics_feed` (`metric` varchar(60) NOT NULL, `watermark` datetime(6) NOT NULL, `refreshedAt` datetime(6) NOT NULL, PRIMARY KEY (`metric`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `analytics_dirty_days` (`metric` varchar(60) NOT NULL, `day` varchar(10) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`metric`, `day`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `analytics_kiosk_links` (`id` varchar(26) NOT NULL, `tokenHash` varchar(64) NOT NULL, `nodeId` varchar(26) NOT NULL, `path` varchar(300) NOT NULL, `title` varchar(40) NULL, `createdBy` varchar(26) NOT NULL, `expiresAt` datetime(6) NOT NULL, `revokedAt` datetime(6) NULL, `revokedBy` varchar(26) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_5e4732e0cdef9818c7313f796f` (`createdBy`), UNIQUE INDEX `IDX_884ae668a0012288ed6cecd752` (`tokenHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_884ae668a0012288ed6cecd752` ON `analytics_kiosk_links`");
    await queryRunner.query("DROP INDEX `IDX_5e4732e0cdef9818c7313f796f` ON `analytics_kiosk_links`");
    await queryRunner.query("DROP TABLE `analytics_kiosk_links`");
    await queryRunner.query("DROP TABLE `analytics_dirty_days`");
    await queryRunner.query("DROP TABLE `analytics_feed`");
    await queryRunner.query("DROP INDEX `IDX_1a112753240eaf225dc3701ac6` ON `analytics_rollups`");
    await queryRunner.query("DROP TABLE `analytics_rollups`");
  }
}
