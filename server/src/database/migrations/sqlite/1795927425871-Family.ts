import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Family1795927425871 implements MigrationInterface {
  name = 'Family1795927425871';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"family_links\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"elderUserId\" varchar(26) NOT NULL, \"familyUserId\" varchar(26) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending','active','revoked') ) NOT NULL, \"liveKey\" varchar(53), \"consent\" varchar CHECK( \"consent\" IN ('elder_confirmed','organiser_witnessed') ), \"confirmedBy\" varchar(26), \"witnessReason\" varchar(100), \"confirmedAt\" datetime(6), \"revokedBy\" varchar(26), \"revokeReason\" varchar(100), \"revokedAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9b87ac218465b44cde08f8abd8\" ON \"family_links\" (\"liveKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_54dfc7be800607310ab7a414a0\" ON \"family_links\" (\"familyUserId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d8882e7a74f4d35a5cc78e0431\" ON \"family_links\" (\"elderUserId\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"family_invites\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"elderUserId\" varchar(26) NOT NULL, \"codeHash\" varchar(64) NOT NULL, \"expiresAt\" datetime(6) NOT NULL, \"createdBy\" varchar(26) NOT NULL, \"witnessReason\" varchar(100), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_225fc6eb91a43e759a447250d0\" ON \"family_invites\" (\"expiresAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_427284147e6345695b2f1162b3\" ON \"family_invites\" (\"elderUserId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_29869ef0abbe30d790363d446d\" ON \"family_invites\" (\"codeHash\") ");
    await queryRunner.query("CREATE TABLE \"proxy_actions\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"actorUserId\" varchar(26) NOT NULL, \"subjectUserId\" varchar(26) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('activity_signup','enrollment_cancel','checkin','inbox_read','resident_register') ) NOT NULL, \"targetType\" varchar(16) NOT NULL, \"targetId\" varchar(26) NOT NULL, \"targetTitle\" varchar(60) NOT NULL, \"consent\" varchar CHECK( \"consent\" IN ('family_link','organiser') ) NOT NULL, \"familyLinkId\" varchar(26), \"actorRole\" varchar CHECK( \"actorRole\" IN ('resident','party_member','organiser','treasurer','admin') ), \"reason\" varchar(100), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_a1d6149ac52d12b8dde23cf2da\" ON \"proxy_actions\" (\"targetType\", \"targetId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f8f525fc9cd1b4dea41f75f605\" ON \"proxy_actions\" (\"actorUserId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_60a6fa83bccbee1a5d93aeee75\" ON \"proxy_actions\" (\"subjectUserId\", \"createdAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_60a6fa83bccbee1a5d93aeee75\"");
    await queryRunner.query("DROP INDEX \"IDX_f8f525fc9cd1b4dea41f75f605\"");
    await queryRunner.query("DROP INDEX \"IDX_a1d6149ac52d12b8dde23cf2da\"");
    await queryRunner.query("DROP TABLE \"proxy_actions\"");
    await queryRunner.query("DROP INDEX \"IDX_29869ef0abbe30d790363d446d\"");
    await queryRunner.query("DROP INDEX \"IDX_427284147e6345695b2f1162b3\"");
    await queryRunner.query("DROP INDEX \"IDX_225fc6eb91a43e759a447250d0\"");
    await queryRunner.query("DROP TABLE \"family_invites\"");
    await queryRunner.query("DROP INDEX \"IDX_d8882e7a74f4d35a5cc78e0431\"");
    await queryRunner.query("DROP INDEX \"IDX_54dfc7be800607310ab7a414a0\"");
    await queryRunner.query("DROP INDEX \"IDX_9b87ac218465b44cde08f8abd8\"");
    await queryRunner.query("DROP TABLE \"family_links\"");
  }
}
