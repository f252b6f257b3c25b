import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityRatingModeration1795917848824 implements MigrationInterface {
  name = 'ActivityRatingModeration1795917848824';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_fa699256b7a97ad2cf7959a398\"");
    await queryRunner.query("CREATE TABLE \"temporary_activity_ratings\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"activityId\" varchar(26) NOT NULL, \"userId\" varchar(26) NOT NULL, \"stars\" integer NOT NULL, \"comment\" varchar(300) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"commentStatus\" varchar CHECK( \"commentStatus\" IN ('none','visible','held') ) NOT NULL DEFAULT ('none'))");
    await queryRunner.query("INSERT INTO \"temporary_activity_ratings\"(\"id\", \"activityId\", \"userId\", \"stars\", \"comment\", \"createdAt\") SELECT \"id\", \"activityId\", \"userId\", \"stars\", \"comment\", \"createdAt\" FROM \"activity_ratings\"");
    await queryRunner.query("DROP TABLE \"activity_ratings\"");
    await queryRunner.query("ALTER TABLE \"temporary_activity_ratings\" RENAME TO \"activity_ratings\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_fa699256b7a97ad2cf7959a398\" ON \"activity_ratings\" (\"activityId\", \"userId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_fa699256b7a97ad2cf7959a398\"");
    await queryRunner.query("ALTER TABLE \"activity_ratings\" RENAME TO \"temporary_activity_ratings\"");
    await queryRunner.query("CREATE TABLE \"activity_ratings\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"activityId\" varchar(26) NOT NULL, \"userId\" varchar(26) NOT NULL, \"stars\" integer NOT NULL, \"comment\" varchar(300) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"activity_ratings\"(\"id\", \"activityId\", \"userId\", \"stars\", \"comment\", \"createdAt\") SELECT \"id\", \"activityId\", \"userId\", \"stars\", \"comment\", \"createdAt\" FROM \"temporary_activity_ratings\"");
    await queryRunner.query("DROP TABLE \"temporary_activity_ratings\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_fa699256b7a97ad2cf7959a398\" ON \"activity_ratings\" (\"activityId\", \"userId\") ");
  }
}
