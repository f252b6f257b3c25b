import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PointsLedger1795917099163 implements MigrationInterface {
  name = 'PointsLedger1795917099163';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `points_entries` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `action` enum ('login', 'article_read', 'article_time', 'video_watch', 'video_time', 'daily_quiz', 'weekly_quiz', 'special_quiz', 'challenge_quiz', 'share', 'comment', 'meeting_attendance', 'activity_attendance', 'volunteer_hours', 'dues_on_time', 'mall_redeem', 'mall_refund', 'adjustment') NOT NULL, `amount` int NOT NULL, `requested` int NOT NULL, `capped` tinyint NOT NULL DEFAULT 0, `capReason` varchar(16) NULL, `note` varchar(200) NULL, `sourceType` varchar(32) NOT NULL, `sourceId` varchar(64) NOT NULL, `idempotencyKey` varchar(160) NOT NULL, `nodeId` varchar(26) NULL, `ruleNodeId` varchar(26) NULL, `reversesEntryId` varchar(26) NULL, `at` datetime(6) NOT NULL, `periodAt` datetime(6) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_b81370feeb964949706abd6556` (`sourceType`, `sourceId`), INDEX `IDX_4ab9aa7daf1d365f94e8dc14b8` (`userId`, `id`), UNIQUE INDEX `IDX_d71df29da23cd45cc4369c1601` (`reversesEntryId`), UNIQUE INDEX `IDX_b4eaf093a9cc30b0d07df43541` (`idempotencyKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `mall_items` (`id` varchar(26) NOT NULL, `nodeId` varchar(26) NOT NULL, `name` varchar(40) NOT NULL, `description` varchar(500) NOT NULL DEFAULT '', `imageUrl` varchar(300) NULL, `pricePoints` int NOT NULL, `stock` int NOT NULL, `active` tinyint NOT NULL DEFAULT 1, `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_1722effb5122f542a74c9dbe7a` (`nodeId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `mall_redemptions` (`id` varchar(26) NOT NULL, `itemId` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `pricePoints` int NOT NULL, `status` enum ('pending', 'picked_up', 'cancelled') NOT NULL, `pickupCode` varchar(8) NOT NULL, `requestKey` varchar(64) NOT NULL, `debitEntryId` varchar(26) NOT NULL, `pickedUpAt` datetime(6) NULL, `pickedUpBy` varchar(26) NULL, `cancelledAt` datetime(6) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_f13582716b6e9967f63394597f` (`itemId`), INDEX `IDX_70cab324ed929e6457fff97f8d` (`userId`, `id`), UNIQUE INDEX `IDX_68864640632adcc8f979c0697c` (`userId`, `requestKey`), UNIQUE INDEX `IDX_e35ca567904dc2a2ac87f1710d` (`pickupCode`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `points_period_scores` (`periodKey` varchar(12) NOT NULL, `userId` varchar(26) NOT NULL, `branchId` varchar(26) NULL, `communityId` varchar(26) NULL, `points` int NOT NULL DEFAULT '0', INDEX `idx_score_community` (`periodKey`, `communityId`, `points`), INDEX `idx_score_branch` (`periodKey`, `branchId`, `points`), PRIMARY KEY (`periodKey`, `userId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `points_balances` (`userId` varchar(26) NOT NULL, `balance` int NOT NULL DEFAULT '0', `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`userId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `points_rules` (`id` varchar(26) NOT NULL, `nodeId` varchar(26) NOT NULL, `action` enum ('login', 'article_read', 'article_time', 'video_watch', 'video_time', 'daily_quiz', 'weekly_quiz', 'special_quiz', 'challenge_quiz', 'share', 'comment', 'meeting_attendance', 'activity_attendance', 'volunteer_hours', 'dues_on_time', 'mall_redeem', 'mall_refund', 'adjustment') NOT NULL, `points` int NOT NULL, `dailyCap` int NULL, `weeklyCap` int NULL, `yearlyCap` int NULL, `active` tinyint NOT NULL DEFAULT 1, `updatedBy` varchar(26) NOT NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_3a84a9425e5842823e230c3b5a` (`nodeId`, `action`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `points_tallies` (`userId` varchar(26) NOT NULL, `action` enum ('login', 'article_read', 'article_time', 'video_watch', 'video_time', 'daily_quiz', 'weekly_quiz', 'special_quiz', 'challenge_quiz', 'share', 'comment', 'meeting_attendance', 'activity_attendance', 'volunteer_hours', 'dues_on_time', 'mall_redeem', 'mall_refund', 'adjustment') NOT NULL, `periodKey` varchar(12) NOT NULL, `awarded` int NOT NULL DEFAULT '0', PRIMARY KEY (`userId`, `action`, `periodKey`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `points_tallies`");
    await queryRunner.query("DROP INDEX `IDX_3a84a9425e5842823e230c3b5a` ON `points_rules`");
    await queryRunner.query("DROP TABLE `points_rules`");
    await queryRunner.query("DROP TABLE `points_balances`");
    await queryRunner.query("DROP INDEX `idx_score_branch` ON `points_period_scores`");
    await queryRunner.query("DROP INDEX `idx_score_community` ON `points_period_scores`");
    await queryRunner.query("DROP TABLE `points_period_scores`");
    await queryRunner.query("DROP INDEX `IDX_e35ca567904dc2a2ac87f1710d` ON `mall_redemptions`");
    await queryRunner.query("DROP INDEX `IDX_68864640632adcc8f979c0697c` ON `mall_redemptions`");
    await queryRunner.query("DROP INDEX `IDX_70cab324ed929e6457fff97f8d` ON `mall_redemptions`");
    await queryRunner.query("DROP INDEX `IDX_f13582716b6e9967f63394597f` ON `mall_redemptions`");
    await queryRunner.query("DROP TABLE `mall_redemptions`");
    await queryRunner.query("DROP INDEX `IDX_1722effb5122f542a74c9dbe7a` ON `mall_items`");
    await queryRunner.query("DROP TABLE `mall_items`");
    await queryRunner.query("DROP INDEX `IDX_b4eaf093a9cc30b0d07df43541` ON `points_entries`");
    await queryRunner.query("DROP INDEX `IDX_d71df29da23cd45cc4369c1601` ON `points_entries`");
    await queryRunner.query("DROP INDEX `IDX_4ab9aa7daf1d365f94e8dc14b8` ON `points_entries`");
    await queryRunner.query("DROP INDEX `IDX_b81370feeb964949706abd6556` ON `points_entries`");
    await queryRunner.query("DROP TABLE `points_entries`");
  }
}
