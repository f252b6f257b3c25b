import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckInMeetings1795917550663 implements MigrationInterface {
  name = 'CheckInMeetings1795917550663';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `check_ins` (`id` varchar(26) NOT NULL, `targetType` varchar(16) NOT NULL, `targetId` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `status` enum ('present', 'late') NOT NULL, `method` enum ('qr', 'geofence', 'assisted') NOT NULL, `nonce` varchar(64) NULL, `checkedInAt` datetime(6) NOT NULL, `assistedBy` varchar(26) NULL, `reason` varchar(100) NULL, `distanceM` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_76d2df8d310fc95ba86752389c` (`userId`, `nonce`), UNIQUE INDEX `IDX_3321f65ce1d436d7fec3cf3e42` (`targetType`, `targetId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `check_in_keys` (`id` varchar(26) NOT NULL, `targetType` varchar(16) NOT NULL, `targetId` varchar(26) NOT NULL, `secret` varchar(64) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_8fe2266e5f945596aaf71d1116` (`targetType`, `targetId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meetings` (`id` varchar(26) NOT NULL, `nodeId` varchar(26) NOT NULL, `nodePath` varchar(300) NOT NULL, `branchId` varchar(26) NOT NULL, `groupId` varchar(26) NULL, `type` varchar(32) NOT NULL, `title` varchar(60) NOT NULL, `status` enum ('scheduled', 'closed', 'cancelled') NOT NULL, `startsAt` datetime(6) NOT NULL, `endsAt` datetime(6) NOT NULL, `address` varchar(120) NOT NULL, `lat` double NULL, `lng` double NULL, `radiusM` int NULL, `allowGeofence` tinyint NOT NULL, `lateGraceMinutes` int NOT NULL, `hostUserId` varchar(26) NULL, `recorderUserId` varchar(26) NULL, `agenda` text NOT NULL, `minutes` text NOT NULL, `resolutions` text NOT NULL, `closedAt` datetime(6) NULL, `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_c6104cbc63b684d894e300aaea` (`branchId`, `startsAt`), INDEX `IDX_7b5fc721ed8431574afc14e2ff` (`nodePath`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meeting_invitees` (`id` varchar(26) NOT NULL, `meetingId` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `attendance` enum ('pending', 'present', 'late', 'leave', 'absent') NOT NULL, `leaveStatus` enum ('none', 'requested', 'approved', 'rejected') NOT NULL, `leaveReason` varchar(200) NULL, `leaveDecidedBy` varchar(26) NULL, `leaveNote` varchar(200) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_5d3f59b686661be1be7df3c8dc` (`userId`), UNIQUE INDEX `IDX_c729456982270fb1c03d52f038` (`meetingId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meeting_photos` (`id` varchar(26) NOT NULL, `meetingId` varchar(26) NOT NULL, `fileName` varchar(64) NOT NULL, `mime` varchar(16) NOT NULL, `bytes` int NOT NULL, `uploadedBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_23cd36a5bb6b5617de216f2be3` (`meetingId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_23cd36a5bb6b5617de216f2be3` ON `meeting_photos`");
    await queryRunner.query("DROP TABLE `meeting_photos`");
    await queryRunner.query("DROP INDEX `IDX_c729456982270fb1c03d52f038` ON `meeting_invitees`");
    await queryRunner.query("DROP INDEX `IDX_5d3f59b686661be1be7df3c8dc` ON `meeting_invitees`");
    await queryRunner.query("DROP TABLE `meeting_invitees`");
    await queryRunner.query("DROP INDEX `IDX_7b5fc721ed8431574afc14e2ff` ON `meetings`");
    await queryRunner.query("DROP INDEX `IDX_c6104cbc63b684d894e300aaea` ON `meetings`");
    await queryRunner.query("DROP TABLE `meetings`");
    await queryRunner.query("DROP INDEX `IDX_8fe2266e5f945596aaf71d1116` ON `check_in_keys`");
    await queryRunner.query("DROP TABLE `check_in_keys`");
    await queryRunner.query("DROP INDEX `IDX_3321f65ce1d436d7fec3cf3e42` ON `check_ins`");
    await queryRunner.query("DROP INDEX `IDX_76d2df8d310fc95ba86752389c` ON `check_ins`");
    await queryRunner.query("DROP TABLE `check_ins`");
  }
}
