import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DuesPayments1795917839725 implements MigrationInterface {
  name = 'DuesPayments1795917839725';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"dues_profiles\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"branchId\" varchar(26) NOT NULL, \"path\" varchar(300) NOT NULL, \"category\" varchar CHECK( \"category\" IN ('employed','retired','farmer','student','unemployed','dibao','other') ) NOT NULL, \"baseCipher\" varchar(200), \"farmerFen\" integer, \"monthlyFen\" integer NOT NULL, \"updatedBy\" varchar(26), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_dc8ec8223f626cd571a9bdd652\" ON \"dues_profiles\" (\"path\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d5f51784827946f0023cce7142\" ON \"dues_profiles\" (\"userId\") ");
    await queryRunner.query("CREATE TABLE \"dues_bills\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"branchId\" varchar(26) NOT NULL, \"path\" varchar(300) NOT NULL, \"month\" varchar(7) NOT NULL, \"amountFen\" integer NOT NULL, \"originalFen\" integer NOT NULL, \"status\" varchar CHECK( \"status\" IN ('unpaid','paid') ) NOT NULL, \"openOrderId\" varchar(26), \"paidOrderId\" varchar(26), \"paidAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_9f43f0e6da8609738339911700\" ON \"dues_bills\" (\"path\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3e4adaf53a90bc2fc33cdfe325\" ON \"dues_bills\" (\"branchId\", \"month\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_56b5efc3aa72e7359d6320d76e\" ON \"dues_bills\" (\"userId\", \"month\") ");
    await queryRunner.query("CREATE TABLE \"dues_bill_adjustments\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"billId\" varchar(26) NOT NULL, \"fromFen\" integer NOT NULL, \"toFen\" integer NOT NULL, \"reason\" varchar(200) NOT NULL, \"actorId\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_dba4fc23c4f1f098ace8a8d359\" ON \"dues_bill_adjustments\" (\"billId\") ");
    await queryRunner.query("CREATE TABLE \"pay_orders\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"outTradeNo\" varchar(32) NOT NULL, \"memberUserId\" varchar(26) NOT NULL, \"payerUserId\" varchar(26) NOT NULL, \"onBehalf\" boolean NOT NULL DEFAULT (0), \"branchId\" varchar(26) NOT NULL, \"path\" varchar(300) NOT NULL, \"totalFen\" integer NOT NULL, \"extraFen\" integer NOT NULL DEFAULT (0), \"refundedFen\" integer NOT NULL DEFAULT (0), \"status\" varchar CHECK( \"status\" IN ('pending','paid','closed') ) NOT NULL, \"prepayId\" varchar(64), \"transactionId\" varchar(64), \"conflict\" boolean NOT NULL DEFAULT (0), \"expiresAt\" datetime(6) NOT NULL, \"paidAt\" datetime(6), \"lastQueriedAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_308833b8ac2b0d1927aa9773b9\" ON \"pay_orders\" (\"paidAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_fb0a98de2d08ab1134a89ffd4e\" ON \"pay_orders\" (\"memberUserId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_98fda289e4dcde87cbec4008f7\" ON \"pay_orders\" (\"status\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3b8de6fe12beca07618c386211\" ON \"pay_orders\" (\"outTradeNo\") ");
    await queryRunner.query("CREATE TABLE \"pay_order_bills\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"orderId\" varchar(26) NOT NULL, \"billId\" varchar(26) NOT NULL, \"month\" varchar(7) NOT NULL, \"amountFen\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_8ca889a33ada786e25246268fc\" ON \"pay_order_bills\" (\"billId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_91f9cfcc98a291c73861981518\" ON \"pay_order_bills\" (\"orderId\", \"billId\") ");
    await queryRunner.query("CREATE TABLE \"dues_receipts\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"orderId\" varchar(26) NOT NULL, \"code\" varchar(12) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_6c84ed0559d4ccbbfc72e05e61\" ON \"dues_receipts\" (\"code\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d1e4f5e6e2c99f25b46d9cfd58\" ON \"dues_receipts\" (\"orderId\") ");
    await queryRunner.query("CREATE TABLE \"pay_refunds\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"outRefundNo\" varchar(32) NOT NULL, \"orderId\" varchar(26) NOT NULL, \"requestKey\" varchar(64) NOT NULL, \"amountFen\" integer NOT NULL, \"reason\" varchar(80) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('processing','success','failed') ) NOT NULL, \"refundId\" varchar(64), \"actorId\" varchar(26) NOT NULL, \"succeededAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5fd71922a102a1b4a8bd75f943\" ON \"pay_refunds\" (\"orderId\", \"requestKey\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f0c071fe172b9ecd2968271da8\" ON \"pay_refunds\" (\"outRefundNo\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_f0c071fe172b9ecd2968271da8\"");
    await queryRunner.query("DROP INDEX \"IDX_5fd71922a102a1b4a8bd75f943\"");
    await queryRunner.query("DROP TABLE \"pay_refunds\"");
    await queryRunner.query("DROP INDEX \"IDX_d1e4f5e6e2c99f25b46d9cfd58\"");
    await queryRunner.query("DROP INDEX \"IDX_6c84ed0559d4ccbbfc72e05e61\"");
    await queryRunner.query("DROP TABLE \"dues_receipts\"");
    await queryRunner.query("DROP INDEX \"IDX_91f9cfcc98a291c73861981518\"");
    await queryRunner.query("DROP INDEX \"IDX_8ca889a33ada786e25246268fc\"");
    await queryRunner.query("DROP TABLE \"pay_order_bills\"");
    await queryRunner.query("DROP INDEX \"IDX_3b8de6fe12beca07618c386211\"");
    await queryRunner.query("DROP INDEX \"IDX_98fda289e4dcde87cbec4008f7\"");
    await queryRunner.query("DROP INDEX \"IDX_fb0a98de2d08ab1134a89ffd4e\"");
    await queryRunner.query("DROP INDEX \"IDX_308833b8ac2b0d1927aa9773b9\"");
    await queryRunner.query("DROP TABLE \"pay_orders\"");
    await queryRunner.query("DROP INDEX \"IDX_dba4fc23c4f1f098ace8a8d359\"");
    await queryRunner.query("DROP TABLE \"dues_bill_adjustments\"");
    await queryRunner.query("DROP INDEX \"IDX_56b5efc3aa72e7359d6320d76e\"");
    await queryRunner.query("DROP INDEX \"IDX_3e4adaf53a90bc2fc33cdfe325\"");
    await queryRunner.query("DROP INDEX \"IDX_9f43f0e6da8609738339911700\"");
    await queryRunner.query("DROP TABLE \"dues_bills\"");
    await queryRunner.query("DROP INDEX \"IDX_d5f51784827946f0023cce7142\"");
    await queryRunner.query("DROP INDEX \"IDX_dc8ec8223f626cd571a9bdd652\"");
    await queryRunner.query("DROP TABLE \"dues_profiles\"");
  }
}
