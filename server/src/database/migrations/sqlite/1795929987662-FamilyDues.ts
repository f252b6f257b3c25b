import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FamilyDues1795929987662 implements MigrationInterface {
  name = 'FamilyDues1795929987662';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_60a6fa83bccbee1a5d93aeee75\"");
    await queryRunner.query("DROP INDEX \"IDX_f8f525fc9cd1b4dea41f75f605\"");
    await queryRunner.query("DROP INDEX \"IDX_a1d6149ac52d12b8dde23cf2da\"");
    await queryRunner.query("CREATE TABLE \"temporary_proxy_actions\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"actorUserId\" varchar(26) NOT NULL, \"subjectUserId\" varchar(26) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('activity_signup','enrollment_cancel','checkin','inbox_read','resident_register','dues_payment') ) NOT NULL, \"targetType\" varchar(16) NOT NULL, \"targetId\" varchar(26) NOT NULL, \"targetTitle\" varchar(60) NOT NULL, \"consent\" varchar CHECK( \"consent\" IN ('family_link','organiser') ) NOT NULL, \"familyLinkId\" varchar(26), \"actorRole\" varchar CHECK( \"actorRole\" IN ('resident','party_member','organiser','treasurer','admin') ), \"reason\" varchar(100), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"temporary_proxy_actions\"(\"id\", \"actorUserId\", \"subjectUserId\", \"action\", \"targetType\", \"targetId\", \"targetTitle\", \"consent\", \"familyLinkId\", \"actorRole\", \"reason\", \"createdAt\") SELECT \"id\", \"actorUserId\", \"subjectUserId\", \"action\", \"targetType\", \"targetId\", \"targetTitle\", \"consent\", \"familyLinkId\", \"actorRole\", \"reason\", \"createdAt\" FROM \"proxy_actions\"");
    await queryRunner.query("DROP TABLE \"proxy_actions\"");
    await queryRunner.query("ALTER TABLE \"temporary_proxy_actions\" RENAME TO \"proxy_actions\"");
    await queryRunner.query("CREATE INDEX \"IDX_60a6fa83bccbee1a5d93aeee75\" ON \"proxy_actions\" (\"subjectUserId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f8f525fc9cd1b4dea41f75f605\" ON \"proxy_actions\" (\"actorUserId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a1d6149ac52d12b8dde23cf2da\" ON \"proxy_actions\" (\"targetType\", \"targetId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_a1d6149ac52d12b8dde23cf2da\"");
    await queryRunner.query("DROP INDEX \"IDX_f8f525fc9cd1b4dea41f75f605\"");
    await queryRunner.query("DROP INDEX \"IDX_60a6fa83bccbee1a5d93aeee75\"");
    await queryRunner.query("ALTER TABLE \"proxy_actions\" RENAME TO \"temporary_proxy_actions\"");
    await queryRunner.query("CREATE TABLE \"proxy_actions\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"actorUserId\" varchar(26) NOT NULL, \"subjectUserId\" varchar(26) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('activity_signup','enrollment_cancel','checkin','inbox_read','resident_register') ) NOT NULL, \"targetType\" varchar(16) NOT NULL, \"targetId\" varchar(26) NOT NULL, \"targetTitle\" varchar(60) NOT NULL, \"consent\" varchar CHECK( \"consent\" IN ('family_link','organiser') ) NOT NULL, \"familyLinkId\" varchar(26), \"actorRole\" varchar CHECK( \"actorRole\" IN ('resident','party_member','organiser','treasurer','admin') ), \"reason\" varchar(100), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"proxy_actions\"(\"id\", \"actorUserId\", \"subjectUserId\", \"action\", \"targetType\", \"targetId\", \"targetTitle\", \"consent\", \"familyLinkId\", \"actorRole\", \"reason\", \"createdAt\") SELECT \"id\", \"actorUserId\", \"subjectUserId\", \"action\", \"targetType\", \"targetId\", \"targetTitle\", \"consent\", \"familyLinkId\", \"actorRole\", \"reason\", \"createdAt\" FROM \"temporary_proxy_actions\"");
    await queryRunner.query("DROP TABLE \"temporary_proxy_actions\"");
    await queryRunner.query("CREATE INDEX \"IDX_a1d6149ac52d12b8dde23cf2da\" ON \"proxy_actions\" (\"targetType\", \"targetId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f8f525fc9cd1b4dea41f75f605\" ON \"proxy_actions\" (\"actorUserId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_60a6fa83bccbee1a5d93aeee75\" ON \"proxy_actions\" (\"subjectUserId\", \"createdAt\") ");
  }
}
