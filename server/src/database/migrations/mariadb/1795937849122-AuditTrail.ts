import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1795937849122 implements MigrationInterface {
  name = 'AuditTrail1795937849122';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_entries` (`id` varchar(26) NOT NULL, `seq` int NOT NULL, `at` datetime(6) NOT NULL, `actorId` varchar(26) NOT NULL, `actorRole` varchar(64) NULL, `action` varchar(160) NOT NULL, `subjectUserId` varchar(26) NULL, `resourceId` varchar(26) NULL, `orgPath` varchar(300) NULL, `requestId` varchar(64) NULL, `ip` varchar(64) NULL, `prevHash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, INDEX `IDX_70bf90113dec575d5d0298f046` (`actorId`, `seq`), INDEX `IDX_bc94e68392fbac6f7f72125ddd` (`subjectUserId`, `seq`), UNIQUE INDEX `IDX_0de907d00514c64bf4c6fd7ae1` (`seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_head` (`id` varchar(16) NOT NULL, `seq` int NOT NULL, `hash` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    // The chain starts at genesis: every append locks and advances this one row.
    await queryRunner.query("INSERT INTO `audit_head` (`id`, `seq`, `hash`) VALUES ('chain', 0, '0000000000000000000000000000000000000000000000000000000000000000')");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `audit_head`");
    await queryRunner.query("DROP INDEX `IDX_0de907d00514c64bf4c6fd7ae1` ON `audit_entries`");
    await queryRunner.query("DROP INDEX `IDX_bc94e68392fbac6f7f72125ddd` ON `audit_entries`");
    await queryRunner.query("DROP INDEX `IDX_70bf90113dec575d5d0298f046` ON `audit_entries`");
    await queryRunner.query("DROP TABLE `audit_entries`");
  }
}
