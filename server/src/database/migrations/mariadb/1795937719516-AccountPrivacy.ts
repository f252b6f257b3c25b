import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountPrivacy1795937719516 implements MigrationInterface {
  name = 'AccountPrivacy1795937719516';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `consent_records` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `kind` enum ('privacy_policy', 'family_link', 'family_link_revoked', 'account_deleted') NOT NULL, `subjectRef` varchar(26) NULL, `version` varchar(32) NOT NULL, `at` datetime(6) NOT NULL, INDEX `IDX_556865bf3fbf33bd613ec66956` (`userId`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `users` ADD `deletedAt` datetime(6) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `users` DROP COLUMN `deletedAt`");
    await queryRunner.query("DROP INDEX `IDX_556865bf3fbf33bd613ec66956` ON `consent_records`");
    await queryRunner.query("DROP TABLE `consent_records`");
  }
}
