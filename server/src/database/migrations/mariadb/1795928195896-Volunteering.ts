import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Volunteering1795928195896 implements MigrationInterface {
  name = 'Volunteering1795928195896';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `volunteer_campaigns` (`id` varchar(26) NOT NULL, `nodeId` varchar(26) NOT NULL, `nodePath` varchar(300) NOT NULL, `title` varchar(40) NOT NULL, `category` enum ('epidemic', 'flood', 'elderly', 'environment', 'civility', 'patrol', 'other') NOT NULL, `description` text NOT NULL, `goal` varchar(200) NOT NULL, `impactMeasure` varchar(30) NULL, `impactTarget` int NULL, `managerIds` text NOT NULL, `startsAt` datetime(6) NOT NULL, `endsAt` datetime(6) NOT NULL, `status` enum ('open', 'closed') NOT NULL DEFAULT 'open', `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_f27531603d4d431a977e52e589` (`endsAt`), INDEX `IDX_5c28b9bbc5e540ccb61a0e2f95` (`nodePath`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `volunteer_shifts` (`id` varchar(26) NOT NULL, `campaignId` varchar(26) NOT NULL, `nodePath` varchar(300) NOT NULL, `title` varchar(40) NOT NULL, `place` varchar(100) NOT NULL, `startsAt` datetime(6) NOT NULL, `endsAt` datetime(6) NOT NULL, `slotId` varchar(26) NOT NULL, `skills` text NOT NULL, `callId` varchar(26) NULL, `status` enum ('open', 'cancelled') NOT NULL DEFAULT 'open', `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_05bc8a861694e35eebbb7022c1` (`startsAt`), INDEX `IDX_0786a9c39714a360f7b77a4708` (`campaignId`, `startsAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `volunteer_profiles` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `skills` text NOT NULL, `availability` text NOT NULL, `gridIds` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_51a65a8ce1f3c30c4249a47c01` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `volunteer_hours` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `shiftId` varchar(26) NOT NULL, `campaignId` varchar(26) NOT NULL, `nodePath` varchar(300) NOT NULL, `checkInAt` datetime(6) NOT NULL, `checkOutAt` datetime(6) NOT NULL, `minutes` int NOT NULL, `halfHours` int NOT NULL, `status` enum ('pending', 'approved', 'declined') NOT NULL DEFAULT 'pending', `autoCheckout` tinyint NOT NULL DEFAULT 0, `decidedBy` varchar(26) NULL, `decidedAt` datetime(6) NULL, `declineReason` varchar(100) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_cb99e607e403e9b31b66ab5284` (`status`, `nodePath`), INDEX `IDX_cc9d0f65a34badf76d74b73e0f` (`userId`, `status`), UNIQUE INDEX `IDX_d9f0998caab1af2327abe43b1a` (`shiftId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `volunteer_certificates` (`id` varchar(26) NOT NULL, `code` varchar(12) NOT NULL, `userId` varchar(26) NOT NULL, `nameMasked` varchar(32) NOT NULL, `halfHours` int NOT NULL, `stars` int NOT NULL, `issuedAt` datetime(6) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_d5e55b67972a44515f32948b7d` (`userId`), UNIQUE INDEX `IDX_1b98d600844ecb65b31c0ea3d7` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `mobilisation_calls` (`id` varchar(26) NOT NULL, `campaignId` varchar(26) NOT NULL, `shiftId` varchar(26) NOT NULL, `nodePath` varchar(300) NOT NULL, `title` varchar(40) NOT NULL, `needed` int NOT NULL, `target` text NOT NULL, `deadline` datetime(6) NOT NULL, `remindAt` datetime(6) NOT NULL, `remindedAt` datetime(6) NULL, `status` enum ('open', 'filled', 'closed') NOT NULL DEFAULT 'open', `targeted` int NOT NULL, `filledAt` datetime(6) NULL, `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_a886a39cd6ccdcf806f45540c4` (`status`, `remindAt`), INDEX `IDX_b2f29f3fcfecbe13c55da49d7a` (`nodePath`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `mobilisation_answers` (`id` varchar(26) NOT NULL, `callId` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `gridId` varchar(26) NULL, `branchId` varchar(26) NULL, `partyMember` tinyint NOT NULL DEFAULT 0, `noticeKey` varchar(120) NOT NULL, `answer` enum ('none', 'accepted', 'declined', 'full') NOT NULL DEFAULT 'none', `answeredAt` datetime(6) NULL, `enrollmentId` varchar(26) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_960c7f6aa33e964d536a263f02` (`userId`), INDEX `IDX_ed749ffc5c892668bd6b8d3020` (`callId`, `answer`), UNIQUE INDEX `IDX_5d99af10bf68bf35d0c3f215c5` (`callId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_5d99af10bf68bf35d0c3f215c5` ON `mobilisation_answers`");
    await queryRunner.query("DROP INDEX `IDX_ed749ffc5c892668bd6b8d3020` ON `mobilisation_answers`");
    await queryRunner.query("DROP INDEX `IDX_960c7f6aa33e964d536a263f02` ON `mobilisation_answers`");
    await queryRunner.query("DROP TABLE `mobilisation_answers`");
    await queryRunner.query("DROP INDEX `IDX_b2f29f3fcfecbe13c55da49d7a` ON `mobilisation_calls`");
    await queryRunner.query("DROP INDEX `IDX_a886a39cd6ccdcf806f45540c4` ON `mobilisation_calls`");
    await queryRunner.query("DROP TABLE `mobilisation_calls`");
    await queryRunner.query("DROP INDEX `IDX_1b98d600844ecb65b31c0ea3d7` ON `volunteer_certificates`");
    await queryRunner.query("DROP INDEX `IDX_d5e55b67972a44515f32948b7d` ON `volunteer_certificates`");
    await queryRunner.query("DROP TABLE `volunteer_certificates`");
    await queryRunner.query("DROP INDEX `IDX_d9f0998caab1af2327abe43b1a` ON `volunteer_hours`");
    await queryRunner.query("DROP INDEX `IDX_cc9d0f65a34badf76d74b73e0f` ON `volunteer_hours`");
    await queryRunner.query("DROP INDEX `IDX_cb99e607e403e9b31b66ab5284` ON `volunteer_hours`");
    await queryRunner.query("DROP TABLE `volunteer_hours`");
    await queryRunner.query("DROP INDEX `IDX_51a65a8ce1f3c30c4249a47c01` ON `volunteer_profiles`");
    await queryRunner.query("DROP TABLE `volunteer_profiles`");
    await queryRunner.query("DROP INDEX `IDX_0786a9c39714a360f7b77a4708` ON `volunteer_shifts`");
    await queryRunner.query("DROP INDEX `IDX_05bc8a861694e35eebbb7022c1` ON `volunteer_shifts`");
    await queryRunner.query("DROP TABLE `volunteer_shifts`");
    await queryRunner.query("DROP INDEX `IDX_5c28b9bbc5e540ccb61a0e2f95` ON `volunteer_campaigns`");
    await queryRunner.query("DROP INDEX `IDX_f27531603d4d431a977e52e589` ON `volunteer_campaigns`");
    await queryRunner.query("DROP TABLE `volunteer_campaigns`");
  }
}
