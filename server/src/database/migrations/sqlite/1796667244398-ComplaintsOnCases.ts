import type { MigrationInterface, QueryRunner } from 'typeorm';
import { moveComplaintsOntoCases } from '../complaints-on-cases.js';

export class ComplaintsOnCases1796667244398 implements MigrationInterface {
  name = 'ComplaintsOnCases1796667244398';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Data first (complaints become cases with their history), then the columns the cases now hold go.
    await moveComplaintsOntoCases(queryRunner, true);
    await queryRunner.query("DROP INDEX \"IDX_4354ca31616841c6973a619725\"");
    await queryRunner.query("DROP INDEX \"IDX_ef39c22adb39d38cc57115e287\"");
    await queryRunner.query("DROP INDEX \"IDX_148cb5f429592211aed7d6801c\"");
    await queryRunner.query("CREATE TABLE \"temporary_complaints\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"subject\" varchar(100), \"accusedUserId\" varchar(26))");
    await queryRunner.query("INSERT INTO \"temporary_complaints\"(\"id\", \"subject\", \"accusedUserId\") SELECT \"id\", \"subject\", \"accusedUserId\" FROM \"complaints\"");
    await queryRunner.query("DROP TABLE \"complaints\"");
    await queryRunner.query("ALTER TABLE \"temporary_complaints\" RENAME TO \"complaints\"");
    await queryRunner.query("CREATE INDEX \"IDX_032aa901f3e766c4fed5d40128\" ON \"complaints\" (\"accusedUserId\") ");
  }

  /** Restores the columns only: the complaints' workflow data stays in the cases (this is not a data-preserving rollback). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_032aa901f3e766c4fed5d40128\"");
    await queryRunner.query("ALTER TABLE \"complaints\" RENAME TO \"temporary_complaints\"");
    await queryRunner.query("CREATE TABLE \"complaints\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"complainantId\" varchar(26) NOT NULL, \"category\" varchar CHECK( \"category\" IN ('data_leak','no_consent','proxy_overreach','harassment','other') ) NOT NULL, \"text\" varchar(1000) NOT NULL, \"subject\" varchar(100), \"accusedUserId\" varchar(26), \"anonymous\" boolean NOT NULL DEFAULT (0), \"status\" varchar CHECK( \"status\" IN ('submitted','answered','closed','withdrawn') ) NOT NULL, \"communityId\" varchar(26) NOT NULL, \"orgPath\" varchar(300) NOT NULL, \"dueAt\" datetime(6) NOT NULL, \"answer\" varchar(1000), \"answeredBy\" varchar(26), \"answeredAt\" datetime(6), \"closedAt\" datetime(6), \"withdrawnAt\" datetime(6), \"dueSoonRemindedAt\" datetime(6), \"overdueRemindedAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"complaints\"(\"id\", \"subject\", \"accusedUserId\") SELECT \"id\", \"subject\", \"accusedUserId\" FROM \"temporary_complaints\"");
    await queryRunner.query("DROP TABLE \"temporary_complaints\"");
    await queryRunner.query("CREATE INDEX \"IDX_148cb5f429592211aed7d6801c\" ON \"complaints\" (\"orgPath\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ef39c22adb39d38cc57115e287\" ON \"complaints\" (\"status\", \"dueAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4354ca31616841c6973a619725\" ON \"complaints\" (\"complainantId\", \"status\") ");
  }
}
