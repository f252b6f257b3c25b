import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Family1795927425871 implements MigrationInterface {
  name = 'Family1795927425871';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `family_links` (`id` varchar(26) NOT NULL, `elderUserId` varchar(26) NOT NULL, `familyUserId` varchar(26) NOT NULL, `status` enum ('pending', 'active', 'revoked') NOT NULL, `liveKey` varchar(53) NULL, `consent` enum ('elder_confirmed', 'organiser_witnessed') NULL, `confirmedBy` varchar(26) NULL, `witnessReason` varchar(100) NULL, `confirmedAt` datetime(6) NULL, `revokedBy` varchar(26) NULL, `revokeReason` varchar(100) NULL, `revokedAt` datetime(6) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_9b87ac218465b44cde08f8abd8` (`liveKey`), INDEX `IDX_54dfc7be800607310ab7a414a0` (`familyUserId`, `status`), INDEX `IDX_d8882e7a74f4d35a5cc78e0431` (`elderUserId`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `family_invites` (`id` varchar(26) NOT NULL, `elderUserId` varchar(26) NOT NULL, `codeHash` varchar(64) NOT NULL, `expiresAt` datetime(6) NOT NULL, `createdBy` varchar(26) NOT NULL, `witnessReason` varchar(100) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_225fc6eb91a43e759a447250d0` (`expiresAt`), INDEX `IDX_427284147e6345695b2f1162b3` (`elderUserId`), UNIQUE INDEX `IDX_29869ef0abbe30d790363d446d` (`codeHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `proxy_actions` (`id` varchar(26) NOT NULL, `actorUserId` varchar(26) NOT NULL, `subjectUserId` varchar(26) NOT NULL, `action` enum ('activity_signup', 'enrollment_cancel', 'checkin', 'inbox_read', 'resident_register') NOT NULL, `targetType` varchar(16) NOT NULL, `targetId` varchar(26) NOT NULL, `targetTitle` varchar(60) NOT NULL, `consent` enum ('family_link', 'organiser') NOT NULL, `familyLinkId` varchar(26) NULL, `actorRole` enum ('resident', 'party_member', 'organiser', 'treasurer', 'admin') NULL, `reason` varchar(100) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_a1d6149ac52d12b8dde23cf2da` (`targetType`, `targetId`), INDEX `IDX_f8f525fc9cd1b4dea41f75f605` (`actorUserId`, `createdAt`), INDEX `IDX_60a6fa83bccbee1a5d93aeee75` (`subjectUserId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_60a6fa83bccbee1a5d93aeee75` ON `proxy_actions`");
    await queryRunner.query("DROP INDEX `IDX_f8f525fc9cd1b4dea41f75f605` ON `proxy_actions`");
    await queryRunner.query("DROP INDEX `IDX_a1d6149ac52d12b8dde23cf2da` ON `proxy_actions`");
    await queryRunner.query("DROP TABLE `proxy_actions`");
    await queryRunner.query("DROP INDEX `IDX_29869ef0abbe30d790363d446d` ON `family_invites`");
    await queryRunner.query("DROP INDEX `IDX_427284147e6345695b2f1162b3` ON `family_invites`");
    await queryRunner.query("DROP INDEX `IDX_225fc6eb91a43e759a447250d0` ON `family_invites`");
    await queryRunner.query("DROP TABLE `family_invites`");
    await queryRunner.query("DROP INDEX `IDX_d8882e7a74f4d35a5cc78e0431` ON `family_links`");
    await queryRunner.query("DROP INDEX `IDX_54dfc7be800607310ab7a414a0` ON `family_links`");
    await queryRunner.query("DROP INDEX `IDX_9b87ac218465b44cde08f8abd8` ON `family_links`");
    await queryRunner.query("DROP TABLE `family_links`");
  }
}
