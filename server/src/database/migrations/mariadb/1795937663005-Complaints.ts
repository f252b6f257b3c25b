import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Complaints1795937663005 implements MigrationInterface {
  name = 'Complaints1795937663005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `complaints` (`id` varchar(26) NOT NULL, `complainantId` varchar(26) NOT NULL, `category` enum ('data_leak', 'no_consent', 'proxy_overreach', 'harassment', 'other') NOT NULL, `text` varchar(1000) NOT NULL, `subject` varchar(100) NULL, `accusedUserId` varchar(26) NULL, `anonymous` tinyint NOT NULL DEFAULT 0, `status` enum ('submitted', 'answered', 'closed', 'withdrawn') NOT NULL, `communityId` varchar(26) NOT NULL, `orgPath` varchar(300) NOT NULL, `dueAt` datetime(6) NOT NULL, `answer` varchar(1000) NULL, `answeredBy` varchar(26) NULL, `answeredAt` datetime(6) NULL, `closedAt` datetime(6) NULL, `withdrawnAt` datetime(6) NULL, `dueSoonRemindedAt` datetime(6) NULL, `overdueRemindedAt` datetime(6) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_148cb5f429592211aed7d6801c` (`orgPath`), INDEX `IDX_ef39c22adb39d38cc57115e287` (`status`, `dueAt`), INDEX `IDX_4354ca31616841c6973a619725` (`complainantId`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_4354ca31616841c6973a619725` ON `complaints`");
    await queryRunner.query("DROP INDEX `IDX_ef39c22adb39d38cc57115e287` ON `complaints`");
    await queryRunner.query("DROP INDEX `IDX_148cb5f429592211aed7d6801c` ON `complaints`");
    await queryRunner.query("DROP TABLE `complaints`");
  }
}
