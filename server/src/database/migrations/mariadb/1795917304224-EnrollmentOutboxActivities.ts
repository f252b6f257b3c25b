import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EnrollmentOutboxActivities1795917304224 implements MigrationInterface {
  name = 'EnrollmentOutboxActivities1795917304224';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `activity_ratings` (`id` varchar(26) NOT NULL, `activityId` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `stars` int NOT NULL, `comment` varchar(300) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_fa699256b7a97ad2cf7959a398` (`activityId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `activities` (`id` varchar(26) NOT NULL, `communityId` varchar(26) NOT NULL, `communityPath` varchar(300) NOT NULL, `title` varchar(40) NOT NULL, `category` enum ('talk', 'health', 'festival', 'class', 'trip', 'volunteer', 'other') NOT NULL, `description` text NOT NULL, `coverImage` varchar(300) NULL, `place` varchar(100) NOT NULL, `startsAt` datetime(6) NOT NULL, `endsAt` datetime(6) NOT NULL, `slotId` varchar(26) NOT NULL, `status` enum ('published', 'cancelled') NOT NULL DEFAULT 'published', `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_3c12867cd7795f4684c07f5588` (`startsAt`), INDEX `IDX_370f3071e0fae56b97379d968b` (`communityId`, `startsAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `enrollments` (`id` varchar(26) NOT NULL, `slotId` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `companions` text NOT NULL, `seats` int NOT NULL, `status` enum ('registered', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'attended', 'missed') NOT NULL, `fromReserve` tinyint NOT NULL DEFAULT 0, `waitlistedAt` datetime(6) NULL, `offerExpiresAt` datetime(6) NULL, `enteredBy` varchar(26) NULL, `enteredReason` varchar(100) NULL, `decidedBy` varchar(26) NULL, `cancelReason` varchar(100) NULL, `attendedAt` datetime(6) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_91ea4c844f2c4dfc07648a2298` (`status`, `offerExpiresAt`), INDEX `IDX_117520c1124661424c212d63d2` (`userId`, `status`), INDEX `IDX_e59a45a5d49eb3ba89b0f5fc5a` (`slotId`, `status`, `waitlistedAt`), UNIQUE INDEX `IDX_e20361a9a2c1cfdb32b8e65425` (`slotId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `enrollment_slots` (`id` varchar(26) NOT NULL, `ownerType` varchar(20) NOT NULL, `ownerId` varchar(26) NOT NULL, `nodeId` varchar(26) NOT NULL, `nodePath` varchar(300) NOT NULL, `title` varchar(60) NOT NULL, `link` varchar(200) NULL, `startsAt` datetime(6) NOT NULL, `endsAt` datetime(6) NOT NULL, `signupOpensAt` datetime(6) NOT NULL, `signupClosesAt` datetime(6) NOT NULL, `cancelDeadline` datetime(6) NOT NULL, `capacity` int NOT NULL, `reserved` int NOT NULL DEFAULT '0', `taken` int NOT NULL DEFAULT '0', `reservedTaken` int NOT NULL DEFAULT '0', `maxCompanions` int NOT NULL DEFAULT '0', `needsApproval` tinyint NOT NULL DEFAULT 0, `eligibility` text NULL, `status` enum ('open', 'cancelled') NOT NULL DEFAULT 'open', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_e1405f5c96c8294c54b3305f6e` (`nodePath`), UNIQUE INDEX `IDX_2ba5891079c33ce0619f789802` (`ownerType`, `ownerId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `inbox_items` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `outboxId` varchar(26) NOT NULL, `kind` varchar(40) NOT NULL, `title` varchar(60) NOT NULL, `body` varchar(500) NOT NULL, `link` varchar(200) NULL, `readAt` datetime(6) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_10f2eefa61e46168202a34d2d2` (`userId`, `id`), UNIQUE INDEX `IDX_076bd2511c29df9bbe0f242f22` (`outboxId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `outbox_messages` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `kind` varchar(40) NOT NULL, `title` varchar(60) NOT NULL, `body` varchar(500) NOT NULL, `link` varchar(200) NULL, `urgent` tinyint NOT NULL DEFAULT 0, `templateKey` varchar(40) NULL, `data` text NULL, `dedupeKey` varchar(120) NOT NULL, `groupKey` varchar(80) NULL, `status` enum ('pending', 'delivered', 'cancelled') NOT NULL DEFAULT 'pending', `wechat` enum ('none', 'pending', 'sending', 'sent', 'skipped', 'failed', 'unknown') NOT NULL DEFAULT 'none', `grantHeld` tinyint NOT NULL DEFAULT 0, `inboxDone` tinyint NOT NULL DEFAULT 0, `attempts` int NOT NULL DEFAULT '0', `notBefore` datetime(6) NOT NULL, `leaseUntil` datetime(6) NULL, `leaseOwner` varchar(26) NULL, `lastError` varchar(200) NULL, `deliveredAt` datetime(6) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_aad211261db03d114b93e15611` (`groupKey`), INDEX `IDX_2c764776496a64ed9d98bbe247` (`status`, `notBefore`), UNIQUE INDEX `IDX_79cd53d0d5affdfc50864b2d45` (`dedupeKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `subscription_grants` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `templateKey` varchar(40) NOT NULL, `remaining` int NOT NULL DEFAULT '0', `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_88a4a0225dab9cc6bce22347fe` (`userId`, `templateKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_88a4a0225dab9cc6bce22347fe` ON `subscription_grants`");
    await queryRunner.query("DROP TABLE `subscription_grants`");
    await queryRunner.query("DROP INDEX `IDX_79cd53d0d5affdfc50864b2d45` ON `outbox_messages`");
    await queryRunner.query("DROP INDEX `IDX_2c764776496a64ed9d98bbe247` ON `outbox_messages`");
    await queryRunner.query("DROP INDEX `IDX_aad211261db03d114b93e15611` ON `outbox_messages`");
    await queryRunner.query("DROP TABLE `outbox_messages`");
    await queryRunner.query("DROP INDEX `IDX_076bd2511c29df9bbe0f242f22` ON `inbox_items`");
    await queryRunner.query("DROP INDEX `IDX_10f2eefa61e46168202a34d2d2` ON `inbox_items`");
    await queryRunner.query("DROP TABLE `inbox_items`");
    await queryRunner.query("DROP INDEX `IDX_2ba5891079c33ce0619f789802` ON `enrollment_slots`");
    await queryRunner.query("DROP INDEX `IDX_e1405f5c96c8294c54b3305f6e` ON `enrollment_slots`");
    await queryRunner.query("DROP TABLE `enrollment_slots`");
    await queryRunner.query("DROP INDEX `IDX_e20361a9a2c1cfdb32b8e65425` ON `enrollments`");
    await queryRunner.query("DROP INDEX `IDX_e59a45a5d49eb3ba89b0f5fc5a` ON `enrollments`");
    await queryRunner.query("DROP INDEX `IDX_117520c1124661424c212d63d2` ON `enrollments`");
    await queryRunner.query("DROP INDEX `IDX_91ea4c844f2c4dfc07648a2298` ON `enrollments`");
    await queryRunner.query("DROP TABLE `enrollments`");
    await queryRunner.query("DROP INDEX `IDX_370f3071e0fae56b97379d968b` ON `activities`");
    await queryRunner.query("DROP INDEX `IDX_3c12867cd7795f4684c07f5588` ON `activities`");
    await queryRunner.query("DROP TABLE `activities`");
    await queryRunner.query("DROP INDEX `IDX_fa699256b7a97ad2cf7959a398` ON `activity_ratings`");
    await queryRunner.query("DROP TABLE `activity_ratings`");
  }
}
