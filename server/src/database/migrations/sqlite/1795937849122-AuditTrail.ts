import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1795937849122 implements MigrationInterface {
  name = 'AuditTrail1795937849122';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_entries\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"seq\" integer NOT NULL, \"at\" datetime(6) NOT NULL, \"actorId\" varchar(26) NOT NULL, \"actorRole\" varchar(64), \"action\" varchar(160) NOT NULL, \"subjectUserId\" varchar(26), \"resourceId\" varchar(26), \"orgPath\" varchar(300), \"requestId\" varchar(64), \"ip\" varchar(64), \"prevHash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_70bf90113dec575d5d0298f046\" ON \"audit_entries\" (\"actorId\", \"seq\") ");
    await queryRunner.query("CREATE INDEX \"IDX_bc94e68392fbac6f7f72125ddd\" ON \"audit_entries\" (\"subjectUserId\", \"seq\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0de907d00514c64bf4c6fd7ae1\" ON \"audit_entries\" (\"seq\") ");
    await queryRunner.query("CREATE TABLE \"audit_head\" (\"id\" varchar(16) PRIMARY KEY NOT NULL, \"seq\" integer NOT NULL, \"hash\" varchar(64) NOT NULL)");
    // The chain starts at genesis: every append locks and advances this one row.
    await queryRunner.query("INSERT INTO \"audit_head\" (\"id\", \"seq\", \"hash\") VALUES ('chain', 0, '0000000000000000000000000000000000000000000000000000000000000000')");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"audit_head\"");
    await queryRunner.query("DROP INDEX \"IDX_0de907d00514c64bf4c6fd7ae1\"");
    await queryRunner.query("DROP INDEX \"IDX_bc94e68392fbac6f7f72125ddd\"");
    await queryRunner.query("DROP INDEX \"IDX_70bf90113dec575d5d0298f046\"");
    await queryRunner.query("DROP TABLE \"audit_entries\"");
  }
}
