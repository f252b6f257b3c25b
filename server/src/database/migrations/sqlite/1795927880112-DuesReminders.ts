import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DuesReminders1795927880112 implements MigrationInterface {
  name = 'DuesReminders1795927880112';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"dues_reminders\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"billId\" varchar(26) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('due','overdue') ) NOT NULL, \"notBefore\" datetime(6) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0b3c93851f48b3b9dd26fecfee\" ON \"dues_reminders\" (\"billId\", \"kind\") ");
    await queryRunner.query("CREATE TABLE \"pay_reconciliations\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"billDate\" varchar(10) NOT NULL, \"billRows\" integer NOT NULL, \"localPaid\" integer NOT NULL, \"mismatchCount\" integer NOT NULL, \"ranAt\" datetime(6) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_7a8e624a6e88b272623202a738\" ON \"pay_reconciliations\" (\"billDate\") ");
    await queryRunner.query("CREATE TABLE \"pay_reconciliation_mismatches\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"runId\" varchar(26) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('unknown_order','not_paid_locally','amount_mismatch','missing_in_bill','duplicate_payment') ) NOT NULL, \"outTradeNo\" varchar(32) NOT NULL, \"path\" varchar(300), \"localFen\" integer, \"billFen\" integer)");
    await queryRunner.query("CREATE INDEX \"IDX_de1345cdb68807f3908b0b22ea\" ON \"pay_reconciliation_mismatches\" (\"runId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_bc7115569034a0b12f1dc1d842\" ON \"dues_bills\" (\"month\", \"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_bc7115569034a0b12f1dc1d842\"");
    await queryRunner.query("DROP INDEX \"IDX_de1345cdb68807f3908b0b22ea\"");
    await queryRunner.query("DROP TABLE \"pay_reconciliation_mismatches\"");
    await queryRunner.query("DROP INDEX \"IDX_7a8e624a6e88b272623202a738\"");
    await queryRunner.query("DROP TABLE \"pay_reconciliations\"");
    await queryRunner.query("DROP INDEX \"IDX_0b3c93851f48b3b9dd26fecfee\"");
    await queryRunner.query("DROP TABLE \"dues_reminders\"");
  }
}
