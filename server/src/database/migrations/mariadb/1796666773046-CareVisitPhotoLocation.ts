import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CareVisitPhotoLocation1796666773046 implements MigrationInterface {
  name = 'CareVisitPhotoLocation1796666773046';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `care_visits` ADD `photoFileName` varchar(40) NULL");
    await queryRunner.query("ALTER TABLE `care_visits` ADD `lat` double NULL");
    await queryRunner.query("ALTER TABLE `care_visits` ADD `lng` double NULL");
    await queryRunner.query("ALTER TABLE `consent_records` CHANGE `kind` `kind` enum ('privacy_policy', 'family_link', 'family_link_revoked', 'account_deleted', 'visit_location', 'visit_location_withdrawn') NOT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `consent_records` CHANGE `kind` `kind` enum ('privacy_policy', 'family_link', 'family_link_revoked', 'account_deleted') NOT NULL");
    await queryRunner.query("ALTER TABLE `care_visits` DROP COLUMN `lng`");
    await queryRunner.query("ALTER TABLE `care_visits` DROP COLUMN `lat`");
    await queryRunner.query("ALTER TABLE `care_visits` DROP COLUMN `photoFileName`");
  }
}
