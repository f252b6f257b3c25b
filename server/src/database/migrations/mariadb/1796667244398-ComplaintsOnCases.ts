import type { MigrationInterface, QueryRunner } from 'typeorm';
import { moveComplaintsOntoCases } from '../complaints-on-cases.js';

export class ComplaintsOnCases1796667244398 implements MigrationInterface {
  name = 'ComplaintsOnCases1796667244398';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Data first (complaints become cases with their history), then the columns the cases now hold go.
    await moveComplaintsOntoCases(queryRunner, false);
    await queryRunner.query("DROP INDEX `IDX_148cb5f429592211aed7d6801c` ON `complaints`");
    await queryRunner.query("DROP INDEX `IDX_ef39c22adb39d38cc57115e287` ON `complaints`");
    await queryRunner.query("DROP INDEX `IDX_4354ca31616841c6973a619725` ON `complaints`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `complainantId`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `category`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `text`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `anonymous`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `status`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `communityId`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `orgPath`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `dueAt`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `answer`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `answeredBy`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `answeredAt`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `closedAt`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `withdrawnAt`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `dueSoonRemindedAt`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `overdueRemindedAt`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `createdAt`");
    await queryRunner.query("ALTER TABLE `complaints` DROP COLUMN `updatedAt`");
    await queryRunner.query("CREATE INDEX `IDX_032aa901f3e766c4fed5d40128` ON `complaints` (`accusedUserId`)");
  }

  /** Restores the columns only: the complaints' workflow data stays in the cases (this is not a data-preserving rollback). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_032aa901f3e766c4fed5d40128` ON `complaints`");
    await queryRunner.query("ALTER TABLE `complaints` ADD `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)");
    await queryRunner.query("ALTER TABLE `complaints` ADD `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)");
    await queryRunner.query("ALTER TABLE `complaints` ADD `overdueRemindedAt` datetime(6) NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `dueSoonRemindedAt` datetime(6) NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `withdrawnAt` datetime(6) NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `closedAt` datetime(6) NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `answeredAt` datetime(6) NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `answeredBy` varchar(26) NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `answer` varchar(1000) NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `dueAt` datetime(6) NOT NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `orgPath` varchar(300) NOT NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `communityId` varchar(26) NOT NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `status` enum ('submitted', 'answered', 'closed', 'withdrawn') NOT NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `anonymous` tinyint NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE `complaints` ADD `text` varchar(1000) NOT NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `category` enum ('data_leak', 'no_consent', 'proxy_overreach', 'harassment', 'other') NOT NULL");
    await queryRunner.query("ALTER TABLE `complaints` ADD `complainantId` varchar(26) NOT NULL");
    await queryRunner.query("CREATE INDEX `IDX_4354ca31616841c6973a619725` ON `complaints` (`complainantId`, `status`)");
    await queryRunner.query("CREATE INDEX `IDX_ef39c22adb39d38cc57115e287` ON `complaints` (`status`, `dueAt`)");
    await queryRunner.query("CREATE INDEX `IDX_148cb5f429592211aed7d6801c` ON `complaints` (`orgPath`)");
  }
}
