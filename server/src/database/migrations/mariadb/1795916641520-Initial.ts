import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795916641520 implements MigrationInterface {
  name = 'Initial1795916641520';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `refresh_tokens` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `familyId` varchar(26) NOT NULL, `tokenHash` varchar(64) NOT NULL, `expiresAt` datetime(6) NOT NULL, `usedAt` datetime(6) NULL, `revokedAt` datetime(6) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_40e9a8b923a1b3fb4429a5c624` (`familyId`), UNIQUE INDEX `IDX_c25bc63d248ca90e8dcc1d92d0` (`tokenHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `role_assignments` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `role` enum ('resident', 'party_member', 'organiser', 'treasurer', 'admin') NOT NULL, `nodeId` varchar(26) NOT NULL, `grantedBy` varchar(26) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_2a0c4a271b67c826d35f8677d3` (`nodeId`), UNIQUE INDEX `IDX_6f71b9d9a14119211c74c1d24f` (`userId`, `role`, `nodeId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `users` (`id` varchar(26) NOT NULL, `openid` varchar(64) NULL, `unionid` varchar(64) NULL, `name` varchar(32) NOT NULL, `phoneCipher` varchar(200) NULL, `phoneHash` varchar(64) NULL, `birthYear` int NULL, `residenceNodeId` varchar(26) NULL, `branchNodeId` varchar(26) NULL, `elderMode` tinyint NOT NULL DEFAULT 0, `privacyVersion` varchar(32) NULL, `privacyAcceptedAt` datetime(6) NULL, `disabled` tinyint NOT NULL DEFAULT 0, `demoPersona` varchar(32) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_23dad997211259b6cf20520f50` (`demoPersona`), INDEX `IDX_3d9846dd61dae080a2d00de227` (`branchNodeId`), INDEX `IDX_18b695b0b31cf315025f0e0779` (`residenceNodeId`), INDEX `IDX_a78fbf9a44244abda9841b8dc2` (`phoneHash`), UNIQUE INDEX `IDX_9c98f005249412c8333a3b2c59` (`openid`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `org_nodes` (`id` varchar(26) NOT NULL, `kind` enum ('street', 'community', 'grid', 'building', 'committee', 'general_branch', 'branch', 'group') NOT NULL, `name` varchar(64) NOT NULL, `parentId` varchar(26) NULL, `path` varchar(300) NOT NULL, `depth` int NOT NULL, `contactUserId` varchar(26) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_bff5096eb13f271ea37d2ef859` (`parentId`), INDEX `IDX_4276e6b85d2fdd993ef315f160` (`path`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `party_applications` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `branchId` varchar(26) NOT NULL, `status` enum ('pending', 'approved', 'rejected') NOT NULL DEFAULT 'pending', `note` varchar(200) NULL, `decidedBy` varchar(26) NULL, `decidedAt` datetime(6) NULL, `decisionReason` varchar(200) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_c2a320398ef1e84866424e370b` (`branchId`, `status`), INDEX `IDX_ad98a321a8308f28ebbd1dd43c` (`userId`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `wechat_access_tokens` (`appid` varchar(64) NOT NULL, `token` varchar(512) NOT NULL, `expiresAt` datetime(6) NOT NULL, `refreshingUntil` datetime(6) NULL, PRIMARY KEY (`appid`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `wechat_access_tokens`");
    await queryRunner.query("DROP INDEX `IDX_ad98a321a8308f28ebbd1dd43c` ON `party_applications`");
    await queryRunner.query("DROP INDEX `IDX_c2a320398ef1e84866424e370b` ON `party_applications`");
    await queryRunner.query("DROP TABLE `party_applications`");
    await queryRunner.query("DROP INDEX `IDX_4276e6b85d2fdd993ef315f160` ON `org_nodes`");
    await queryRunner.query("DROP INDEX `IDX_bff5096eb13f271ea37d2ef859` ON `org_nodes`");
    await queryRunner.query("DROP TABLE `org_nodes`");
    await queryRunner.query("DROP INDEX `IDX_9c98f005249412c8333a3b2c59` ON `users`");
    await queryRunner.query("DROP INDEX `IDX_a78fbf9a44244abda9841b8dc2` ON `users`");
    await queryRunner.query("DROP INDEX `IDX_18b695b0b31cf315025f0e0779` ON `users`");
    await queryRunner.query("DROP INDEX `IDX_3d9846dd61dae080a2d00de227` ON `users`");
    await queryRunner.query("DROP INDEX `IDX_23dad997211259b6cf20520f50` ON `users`");
    await queryRunner.query("DROP TABLE `users`");
    await queryRunner.query("DROP INDEX `IDX_6f71b9d9a14119211c74c1d24f` ON `role_assignments`");
    await queryRunner.query("DROP INDEX `IDX_2a0c4a271b67c826d35f8677d3` ON `role_assignments`");
    await queryRunner.query("DROP TABLE `role_assignments`");
    await queryRunner.query("DROP INDEX `IDX_c25bc63d248ca90e8dcc1d92d0` ON `refresh_tokens`");
    await queryRunner.query("DROP INDEX `IDX_40e9a8b923a1b3fb4429a5c624` ON `refresh_tokens`");
    await queryRunner.query("DROP TABLE `refresh_tokens`");
  }
}
