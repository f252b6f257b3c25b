import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Complaints1795937663005 implements MigrationInterface {
  name = 'Complaints1795937663005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"complaints\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"complainantId\" varchar(26) NOT NULL, \"category\" varchar CHECK( \"category\" IN ('data_leak','no_consent','proxy_overreach','harassment','other') ) NOT NULL, \"text\" varchar(1000) NOT NULL, \"subject\" varchar(100), \"accusedUserId\" varchar(26), \"anonymous\" boolean NOT NULL DEFAULT (0), \"status\" varchar CHECK( \"status\" IN ('submitted','answered','closed','withdrawn') ) NOT NULL, \"communityId\" varchar(26) NOT NULL, \"orgPath\" varchar(300) NOT NULL, \"dueAt\" datetime(6) NOT NULL, \"answer\" varchar(1000), \"answeredBy\" varchar(26), \"answeredAt\" datetime(6), \"closedAt\" datetime(6), \"withdrawnAt\" datetime(6), \"dueSoonRemindedAt\" datetime(6), \"overdueRemindedAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_148cb5f429592211aed7d6801c\" ON \"complaints\" (\"orgPath\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ef39c22adb39d38cc57115e287\" ON \"complaints\" (\"status\", \"dueAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4354ca31616841c6973a619725\" ON \"complaints\" (\"complainantId\", \"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_4354ca31616841c6973a619725\"");
    await queryRunner.query("DROP INDEX \"IDX_ef39c22adb39d38cc57115e287\"");
    await queryRunner.query("DROP INDEX \"IDX_148cb5f429592211aed7d6801c\"");
    await queryRunner.query("DROP TABLE \"complaints\"");
  }
}
