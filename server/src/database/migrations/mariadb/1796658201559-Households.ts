import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Households1796658201559 implements MigrationInterface {
  name = 'Households1796658201559';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `care_visits` (`id` varchar(26) NOT NULL, `householdId` varchar(26) NOT NULL, `visitorId` varchar(26) NOT NULL, `visitedAt` datetime(6) NOT NULL, `method` enum ('home', 'phone', 'proxy', 'community') NOT NULL, `situation` enum ('normal', 'unwell', 'needs_help', 'no_answer', 'moved_away', 'other') NOT NULL, `seenUserIds` text NOT NULL, `notes` varchar(1000) NULL, `needs` text NOT NULL, `correctsVisitId` varchar(26) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_4316cce8bdb42cab7dfa2de9a3` (`correctsVisitId`), INDEX `IDX_d5b5f0c0f6b9745e5a4a5e84db` (`householdId`, `visitedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `household_tasks` (`id` varchar(26) NOT NULL, `householdId` varchar(26) NOT NULL, `visitId` varchar(26) NULL, `text` varchar(200) NOT NULL, `status` enum ('open', 'done') NOT NULL, `createdBy` varchar(26) NOT NULL, `doneBy` varchar(26) NULL, `doneAt` datetime(6) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_b259d1e3e29911b29c026a1150` (`householdId`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `correction_requests` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `householdId` varchar(26) NOT NULL, `communityId` varchar(26) NOT NULL, `path` varchar(300) NOT NULL, `field` enum ('name', 'idNumber', 'birthDate', 'gender', 'phones', 'emergencyContact', 'residenceType', 'tags', 'address', 'other') NOT NULL, `proposed` varchar(200) NOT NULL, `reason` varchar(300) NULL, `status` enum ('open', 'accepted', 'rejected') NOT NULL, `openKey` varchar(60) NULL, `decidedBy` varchar(26) NULL, `decidedAt` datetime(6) NULL, `decisionReason` varchar(300) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_fb0409975cb91e908c03023079` (`path`), INDEX `IDX_fb16aa8e32365a5e03a4b96d33` (`status`, `createdAt`), INDEX `IDX_35507ca1cde9b36407d792ac13` (`userId`, `createdAt`), UNIQUE INDEX `IDX_ca70a91cf35787bef4ff18c53c` (`openKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `households` (`id` varchar(26) NOT NULL, `buildingId` varchar(26) NOT NULL, `gridId` varchar(26) NOT NULL, `communityId` varchar(26) NOT NULL, `path` varchar(300) NOT NULL, `unit` varchar(16) NOT NULL DEFAULT '', `room` varchar(16) NOT NULL, `address` varchar(200) NULL, `provenance` text NOT NULL, `cadenceDays` int NOT NULL, `lastVisitAt` datetime(6) NULL, `registeredOn` varchar(10) NOT NULL, `nextDueOn` varchar(10) NOT NULL, `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_b620d1db181e04b195aceca182` (`gridId`, `nextDueOn`), INDEX `IDX_f4833660c594fdb6838a088d66` (`path`), UNIQUE INDEX `IDX_de5d58bb9d0cafa7fa9ecc58cc` (`buildingId`, `unit`, `room`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `household_members` (`id` varchar(26) NOT NULL, `householdId` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `activeUserId` varchar(26) NULL, `relation` enum ('head', 'spouse', 'child', 'parent', 'tenant', 'other') NOT NULL, `residenceType` enum ('registered', 'resident', 'floating') NOT NULL, `arrivedOn` varchar(10) NULL, `endedOn` varchar(10) NULL, `endReason` enum ('moved_out', 'deceased') NULL, `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_26a8728ee9bb928e20e6c1c14a` (`activeUserId`), INDEX `IDX_020bc38c41448c356b96240183` (`userId`), INDEX `IDX_640db19175e32080e5c6b94b6b` (`householdId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `person_profiles` (`userId` varchar(26) NOT NULL, `idNumberCipher` varchar(200) NULL, `idNumberHash` varchar(64) NULL, `birthDate` varchar(10) NULL, `gender` enum ('male', 'female') NULL, `phonesCipher` varchar(600) NULL, `emergencyCipher` varchar(400) NULL, `notesCipher` varchar(1500) NULL, `provenance` text NOT NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_ca146e63ebad84f6e800a6bbfb` (`idNumberHash`), PRIMARY KEY (`userId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `person_tags` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `tag` enum ('elder_alone', 'empty_nest', 'disabled', 'dibao', 'tekun', 'veteran', 'migrant', 'left_behind_child', 'watch') NOT NULL, `source` enum ('self', 'grid_verified', 'family', 'import') NOT NULL, `sourceName` varchar(40) NULL, `verifiedAt` datetime(6) NOT NULL, `setBy` varchar(26) NOT NULL, `removedAt` datetime(6) NULL, `removedBy` varchar(26) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_e6a2b26a8b04533d42489eba41` (`tag`, `removedAt`), UNIQUE INDEX `IDX_41637029d09c17e68395a5b7f7` (`userId`, `tag`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `risk_warnings` (`id` varchar(26) NOT NULL, `rule` varchar(40) NOT NULL, `level` enum ('yellow', 'orange', 'red') NOT NULL, `status` enum ('raised', 'acknowledged', 'resolved') NOT NULL, `subjectId` varchar(26) NOT NULL, `subjectUserId` varchar(26) NULL, `householdId` varchar(26) NULL, `communityId` varchar(26) NOT NULL, `path` varchar(300) NOT NULL, `sentence` varchar(500) NOT NULL, `factKey` varchar(120) NOT NULL, `openKey` varchar(80) NULL, `raisedAt` datetime(6) NOT NULL, `ackDueAt` datetime(6) NOT NULL, `escalation` int NOT NULL DEFAULT '0', `escalateAt` datetime(6) NULL, `acknowledgedBy` varchar(26) NULL, `acknowledgedAt` datetime(6) NULL, `resolvedBy` varchar(26) NULL, `resolvedAt` datetime(6) NULL, `resolutionNote` varchar(500) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_ef0308835171860bfa052570c8` (`path`), INDEX `IDX_ceba881343fd261388ed64dd86` (`status`, `escalateAt`), UNIQUE INDEX `IDX_c9d966754288a10f43fa33f5d8` (`rule`, `subjectId`, `factKey`), UNIQUE INDEX `IDX_3b3755051460554882070ba1cb` (`openKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `care_settings` (`communityId` varchar(26) NOT NULL, `cadence` text NOT NULL, `thresholds` text NOT NULL, `updatedBy` varchar(26) NOT NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`communityId`)) ENGINE=InnoDB");
    await queryRunner.query("DROP INDEX `IDX_6f71b9d9a14119211c74c1d24f` ON `role_assignments`");
    await queryRunner.query("ALTER TABLE `role_assignments` CHANGE `role` `role` enum ('resident', 'party_member', 'organiser', 'treasurer', 'admin', 'grid_worker') NOT NULL");
    await queryRunner.query("ALTER TABLE `proxy_actions` CHANGE `actorRole` `actorRole` enum ('resident', 'party_member', 'organiser', 'treasurer', 'admin', 'grid_worker') NULL");
    await queryRunner.query("CREATE UNIQUE INDEX `IDX_6f71b9d9a14119211c74c1d24f` ON `role_assignments` (`userId`, `role`, `nodeId`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_6f71b9d9a14119211c74c1d24f` ON `role_assignments`");
    await queryRunner.query("ALTER TABLE `proxy_actions` CHANGE `actorRole` `actorRole` enum ('resident', 'party_member', 'organiser', 'treasurer', 'admin') NULL");
    await queryRunner.query("ALTER TABLE `role_assignments` CHANGE `role` `role` enum ('resident', 'party_member', 'organiser', 'treasurer', 'admin') NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX `IDX_6f71b9d9a14119211c74c1d24f` ON `role_assignments` (`userId`, `role`, `nodeId`)");
    await queryRunner.query("DROP TABLE `care_settings`");
    await queryRunner.query("DROP INDEX `IDX_3b3755051460554882070ba1cb` ON `risk_warnings`");
    await queryRunner.query("DROP INDEX `IDX_c9d966754288a10f43fa33f5d8` ON `risk_warnings`");
    await queryRunner.query("DROP INDEX `IDX_ceba881343fd261388ed64dd86` ON `risk_warnings`");
    await queryRunner.query("DROP INDEX `IDX_ef0308835171860bfa052570c8` ON `risk_warnings`");
    await queryRunner.query("DROP TABLE `risk_warnings`");
    await queryRunner.query("DROP INDEX `IDX_41637029d09c17e68395a5b7f7` ON `person_tags`");
    await queryRunner.query("DROP INDEX `IDX_e6a2b26a8b04533d42489eba41` ON `person_tags`");
    await queryRunner.query("DROP TABLE `person_tags`");
    await queryRunner.query("DROP INDEX `IDX_ca146e63ebad84f6e800a6bbfb` ON `person_profiles`");
    await queryRunner.query("DROP TABLE `person_profiles`");
    await queryRunner.query("DROP INDEX `IDX_640db19175e32080e5c6b94b6b` ON `household_members`");
    await queryRunner.query("DROP INDEX `IDX_020bc38c41448c356b96240183` ON `household_members`");
    await queryRunner.query("DROP INDEX `IDX_26a8728ee9bb928e20e6c1c14a` ON `household_members`");
    await queryRunner.query("DROP TABLE `household_members`");
    await queryRunner.query("DROP INDEX `IDX_de5d58bb9d0cafa7fa9ecc58cc` ON `households`");
    await queryRunner.query("DROP INDEX `IDX_f4833660c594fdb6838a088d66` ON `households`");
    await queryRunner.query("DROP INDEX `IDX_b620d1db181e04b195aceca182` ON `households`");
    await queryRunner.query("DROP TABLE `households`");
    await queryRunner.query("DROP INDEX `IDX_ca70a91cf35787bef4ff18c53c` ON `correction_requests`");
    await queryRunner.query("DROP INDEX `IDX_35507ca1cde9b36407d792ac13` ON `correction_requests`");
    await queryRunner.query("DROP INDEX `IDX_fb16aa8e32365a5e03a4b96d33` ON `correction_requests`");
    await queryRunner.query("DROP INDEX `IDX_fb0409975cb91e908c03023079` ON `correction_requests`");
    await queryRunner.query("DROP TABLE `correction_requests`");
    await queryRunner.query("DROP INDEX `IDX_b259d1e3e29911b29c026a1150` ON `household_tasks`");
    await queryRunner.query("DROP TABLE `household_tasks`");
    await queryRunner.query("DROP INDEX `IDX_d5b5f0c0f6b9745e5a4a5e84db` ON `care_visits`");
    await queryRunner.query("DROP INDEX `IDX_4316cce8bdb42cab7dfa2de9a3` ON `care_visits`");
    await queryRunner.query("DROP TABLE `care_visits`");
  }
}
