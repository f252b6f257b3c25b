import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RosterImport1796667106125 implements MigrationInterface {
  name = 'RosterImport1796667106125';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `roster_sources` (`id` varchar(26) NOT NULL, `communityId` varchar(26) NOT NULL, `path` varchar(300) NOT NULL, `name` varchar(40) NOT NULL, `mapping` text NOT NULL, `impliedTags` text NOT NULL, `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_9cfe404b7d3bd78d6e5deba551` (`communityId`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `roster_imports` (`id` varchar(26) NOT NULL, `sourceId` varchar(26) NOT NULL, `path` varchar(300) NOT NULL, `fileName` varchar(200) NOT NULL, `storedName` varchar(60) NOT NULL, `format` enum ('xlsx', 'csv') NOT NULL, `sheets` text NOT NULL, `sheet` varchar(100) NULL, `headers` text NOT NULL, `mapping` text NOT NULL, `status` enum ('uploaded', 'previewed', 'committing', 'committed', 'failed', 'rolled_back') NOT NULL, `rowsTotal` int NOT NULL DEFAULT '0', `rowsDone` int NOT NULL DEFAULT '0', `counts` text NOT NULL, `fileFindings` text NOT NULL, `error` varchar(300) NULL, `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `committedAt` datetime(6) NULL, `rolledBackAt` datetime(6) NULL, INDEX `IDX_352e298f0a03a392473387e3ce` (`sourceId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `roster_rows` (`id` varchar(26) NOT NULL, `importId` varchar(26) NOT NULL, `rowNo` int NOT NULL, `recordKey` varchar(64) NOT NULL, `idHash` varchar(64) NULL, `recordCipher` text NOT NULL, `findings` text NOT NULL, `outcome` enum ('create', 'merge', 'queue', 'flag', 'unchanged') NOT NULL, `userId` varchar(26) NULL, `effects` text NULL, INDEX `IDX_4b8c46287ca489fd3c61e68568` (`userId`), INDEX `IDX_1e08358a8d003d4fcb3e2a2e23` (`importId`, `outcome`), UNIQUE INDEX `IDX_b7ce8c856550f4fc095adcb4cd` (`importId`, `rowNo`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `roster_links` (`id` varchar(26) NOT NULL, `sourceId` varchar(26) NOT NULL, `recordKey` varchar(64) NOT NULL, `userId` varchar(26) NOT NULL, `importId` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_e2ba301edc1d49dccd149181c4` (`userId`), UNIQUE INDEX `IDX_e8ff5000d58d12e8125982bf92` (`sourceId`, `recordKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `roster_pairs` (`id` varchar(26) NOT NULL, `importId` varchar(26) NOT NULL, `rowId` varchar(26) NOT NULL, `recordKey` varchar(64) NOT NULL, `userId` varchar(26) NOT NULL, `path` varchar(300) NOT NULL, `evidence` text NOT NULL, `status` enum ('open', 'same', 'different') NOT NULL, `decidedBy` varchar(26) NULL, `decidedAt` datetime(6) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_0543f1b04c1a2f246db8eb37e0` (`path`, `status`), UNIQUE INDEX `IDX_8a7df1565d1f0197a698d4ce7e` (`recordKey`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `verification_tasks` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `householdId` varchar(26) NULL, `communityId` varchar(26) NOT NULL, `path` varchar(300) NOT NULL, `field` enum ('name', 'phone', 'birthDate', 'gender', 'address') NOT NULL, `valuesCipher` text NOT NULL, `seenKeys` text NOT NULL, `status` enum ('open', 'resolved') NOT NULL, `openKey` varchar(60) NULL, `importId` varchar(26) NOT NULL, `resolvedCipher` varchar(300) NULL, `resolvedBy` varchar(26) NULL, `resolvedAt` datetime(6) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_f1919aff974b63a3d851e547a1` (`userId`), INDEX `IDX_e66fe6f947b50441892a645c44` (`path`, `status`), INDEX `IDX_7b19ac73d9529ece7a22372888` (`householdId`, `status`), UNIQUE INDEX `IDX_c51d720db37cacaf6f00d6a24d` (`openKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_c51d720db37cacaf6f00d6a24d` ON `verification_tasks`");
    await queryRunner.query("DROP INDEX `IDX_7b19ac73d9529ece7a22372888` ON `verification_tasks`");
    await queryRunner.query("DROP INDEX `IDX_e66fe6f947b50441892a645c44` ON `verification_tasks`");
    await queryRunner.query("DROP INDEX `IDX_f1919aff974b63a3d851e547a1` ON `verification_tasks`");
    await queryRunner.query("DROP TABLE `verification_tasks`");
    await queryRunner.query("DROP INDEX `IDX_8a7df1565d1f0197a698d4ce7e` ON `roster_pairs`");
    await queryRunner.query("DROP INDEX `IDX_0543f1b04c1a2f246db8eb37e0` ON `roster_pairs`");
    await queryRunner.query("DROP TABLE `roster_pairs`");
    await queryRunner.query("DROP INDEX `IDX_e8ff5000d58d12e8125982bf92` ON `roster_links`");
    await queryRunner.query("DROP INDEX `IDX_e2ba301edc1d49dccd149181c4` ON `roster_links`");
    await queryRunner.query("DROP TABLE `roster_links`");
    await queryRunner.query("DROP INDEX `IDX_b7ce8c856550f4fc095adcb4cd` ON `roster_rows`");
    await queryRunner.query("DROP INDEX `IDX_1e08358a8d003d4fcb3e2a2e23` ON `roster_rows`");
    await queryRunner.query("DROP INDEX `IDX_4b8c46287ca489fd3c61e68568` ON `roster_rows`");
    await queryRunner.query("DROP TABLE `roster_rows`");
    await queryRunner.query("DROP INDEX `IDX_352e298f0a03a392473387e3ce` ON `roster_imports`");
    await queryRunner.query("DROP TABLE `roster_imports`");
    await queryRunner.query("DROP INDEX `IDX_9cfe404b7d3bd78d6e5deba551` ON `roster_sources`");
    await queryRunner.query("DROP TABLE `roster_sources`");
  }
}
