import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseWorkflow1796666932305 implements MigrationInterface {
  name = 'CaseWorkflow1796666932305';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `case_events` (`id` varchar(26) NOT NULL, `caseId` varchar(26) NOT NULL, `at` datetime(6) NOT NULL, `actorId` varchar(26) NULL, `type` enum ('filed', 'followed', 'accepted', 'reassigned', 'replied', 'resolved', 'rated', 'reopened', 'due_soon', 'overdue', 'escalated', 'merged', 'merged_in', 'refused', 'cannot_handle', 'withdrawn', 'closed') NOT NULL, `text` varchar(1000) NULL, INDEX `IDX_3f2503c6100495954a9b24c511` (`caseId`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `case_followers` (`id` varchar(26) NOT NULL, `caseId` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_183ae96aa4b142714c6c79f73e` (`userId`), UNIQUE INDEX `IDX_75afa8dfa2ddee9178c798c483` (`caseId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `case_routes` (`id` varchar(26) NOT NULL, `gridId` varchar(26) NOT NULL, `category` varchar(30) NOT NULL, `handlerUserId` varchar(26) NOT NULL, `updatedBy` varchar(26) NOT NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_b848ebfabd6508799f98a3282c` (`gridId`, `category`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `case_category_settings` (`id` varchar(26) NOT NULL, `communityId` varchar(26) NOT NULL, `category` varchar(30) NOT NULL, `acceptHours` int NULL, `resolveDays` int NOT NULL, `anonymousAllowed` tinyint NOT NULL DEFAULT 0, `updatedBy` varchar(26) NOT NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_7954fc0d3426f78da1830a7864` (`communityId`, `category`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `cases` (`id` varchar(26) NOT NULL, `kind` enum ('report', 'dispute', 'visit_followup', 'privacy_complaint') NOT NULL, `category` varchar(30) NOT NULL, `status` enum ('pending', 'accepted', 'in_progress', 'resolved', 'rated', 'closed', 'merged', 'refused', 'cannot_handle', 'withdrawn') NOT NULL, `text` varchar(1000) NOT NULL, `reporterId` varchar(26) NOT NULL, `filedById` varchar(26) NULL, `anonymous` tinyint NOT NULL DEFAULT 0, `communityId` varchar(26) NOT NULL, `gridId` varchar(26) NULL, `buildingId` varchar(26) NULL, `orgPath` varchar(300) NOT NULL, `handlerId` varchar(26) NULL, `acceptDueAt` datetime(6) NOT NULL, `resolveDueAt` datetime(6) NULL, `dueAt` datetime(6) NULL, `dueSoonAt` datetime(6) NULL, `escalateAt` datetime(6) NULL, `escalationLevel` int NOT NULL DEFAULT '0', `acceptedAt` datetime(6) NULL, `resolvedAt` datetime(6) NULL, `closedAt` datetime(6) NULL, `rating` enum ('satisfied', 'basically', 'unsatisfied') NULL, `reopenCount` int NOT NULL DEFAULT '0', `mergedIntoId` varchar(26) NULL, `exitReason` varchar(200) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_f923dc449c6c967de0e8028e9f` (`orgPath`), INDEX `IDX_83edcf43911ce7689d3ae17835` (`buildingId`, `category`, `status`), INDEX `IDX_9a4c4425bd760e9664ec5c7475` (`reporterId`), INDEX `IDX_3ff4dea5af5463c48568938d57` (`handlerId`, `status`), INDEX `IDX_4e7c55b16f20c7a8c6d8d2fad1` (`status`, `escalateAt`), INDEX `IDX_e8d2094458ed0fcd4f50647696` (`status`, `dueSoonAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_e8d2094458ed0fcd4f50647696` ON `cases`");
    await queryRunner.query("DROP INDEX `IDX_4e7c55b16f20c7a8c6d8d2fad1` ON `cases`");
    await queryRunner.query("DROP INDEX `IDX_3ff4dea5af5463c48568938d57` ON `cases`");
    await queryRunner.query("DROP INDEX `IDX_9a4c4425bd760e9664ec5c7475` ON `cases`");
    await queryRunner.query("DROP INDEX `IDX_83edcf43911ce7689d3ae17835` ON `cases`");
    await queryRunner.query("DROP INDEX `IDX_f923dc449c6c967de0e8028e9f` ON `cases`");
    await queryRunner.query("DROP TABLE `cases`");
    await queryRunner.query("DROP INDEX `IDX_7954fc0d3426f78da1830a7864` ON `case_category_settings`");
    await queryRunner.query("DROP TABLE `case_category_settings`");
    await queryRunner.query("DROP INDEX `IDX_b848ebfabd6508799f98a3282c` ON `case_routes`");
    await queryRunner.query("DROP TABLE `case_routes`");
    await queryRunner.query("DROP INDEX `IDX_75afa8dfa2ddee9178c798c483` ON `case_followers`");
    await queryRunner.query("DROP INDEX `IDX_183ae96aa4b142714c6c79f73e` ON `case_followers`");
    await queryRunner.query("DROP TABLE `case_followers`");
    await queryRunner.query("DROP INDEX `IDX_3f2503c6100495954a9b24c511` ON `case_events`");
    await queryRunner.query("DROP TABLE `case_events`");
  }
}
