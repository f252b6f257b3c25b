import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Households1796656202245 implements MigrationInterface {
  name = 'Households1796656202245';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"care_visits\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"householdId\" varchar(26) NOT NULL, \"visitorId\" varchar(26) NOT NULL, \"visitedAt\" datetime(6) NOT NULL, \"method\" varchar CHECK( \"method\" IN ('home','phone','proxy','community') ) NOT NULL, \"situation\" varchar CHECK( \"situation\" IN ('normal','unwell','needs_help','no_answer','moved_away','other') ) NOT NULL, \"seenUserIds\" text NOT NULL, \"notes\" varchar(1000), \"needs\" text NOT NULL, \"correctsVisitId\" varchar(26), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4316cce8bdb42cab7dfa2de9a3\" ON \"care_visits\" (\"correctsVisitId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d5b5f0c0f6b9745e5a4a5e84db\" ON \"care_visits\" (\"householdId\", \"visitedAt\") ");
    await queryRunner.query("CREATE TABLE \"household_tasks\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"householdId\" varchar(26) NOT NULL, \"visitId\" varchar(26), \"text\" varchar(200) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('open','done') ) NOT NULL, \"createdBy\" varchar(26) NOT NULL, \"doneBy\" varchar(26), \"doneAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_b259d1e3e29911b29c026a1150\" ON \"household_tasks\" (\"householdId\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"households\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"buildingId\" varchar(26) NOT NULL, \"gridId\" varchar(26) NOT NULL, \"communityId\" varchar(26) NOT NULL, \"path\" varchar(300) NOT NULL, \"unit\" varchar(16) NOT NULL DEFAULT (''), \"room\" varchar(16) NOT NULL, \"address\" varchar(200), \"provenance\" text NOT NULL, \"cadenceDays\" integer NOT NULL, \"lastVisitAt\" datetime(6), \"registeredOn\" varchar(10) NOT NULL, \"nextDueOn\" varchar(10) NOT NULL, \"createdBy\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_b620d1db181e04b195aceca182\" ON \"households\" (\"gridId\", \"nextDueOn\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f4833660c594fdb6838a088d66\" ON \"households\" (\"path\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_de5d58bb9d0cafa7fa9ecc58cc\" ON \"households\" (\"buildingId\", \"unit\", \"room\") ");
    await queryRunner.query("CREATE TABLE \"household_members\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"householdId\" varchar(26) NOT NULL, \"userId\" varchar(26) NOT NULL, \"activeUserId\" varchar(26), \"relation\" varchar CHECK( \"relation\" IN ('head','spouse','child','parent','tenant','other') ) NOT NULL, \"residenceType\" varchar CHECK( \"residenceType\" IN ('registered','resident','floating') ) NOT NULL, \"arrivedOn\" varchar(10), \"endedOn\" varchar(10), \"endReason\" varchar CHECK( \"endReason\" IN ('moved_out','deceased') ), \"createdBy\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_26a8728ee9bb928e20e6c1c14a\" ON \"household_members\" (\"activeUserId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_020bc38c41448c356b96240183\" ON \"household_members\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_640db19175e32080e5c6b94b6b\" ON \"household_members\" (\"householdId\") ");
    await queryRunner.query("CREATE TABLE \"person_profiles\" (\"userId\" varchar(26) PRIMARY KEY NOT NULL, \"idNumberCipher\" varchar(200), \"idNumberHash\" varchar(64), \"birthDate\" varchar(10), \"gender\" varchar CHECK( \"gender\" IN ('male','female') ), \"phonesCipher\" varchar(600), \"emergencyCipher\" varchar(400), \"notesCipher\" varchar(1500), \"provenance\" text NOT NULL, \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ca146e63ebad84f6e800a6bbfb\" ON \"person_profiles\" (\"idNumberHash\") ");
    await queryRunner.query("CREATE TABLE \"person_tags\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"tag\" varchar CHECK( \"tag\" IN ('elder_alone','empty_nest','disabled','dibao','tekun','veteran','migrant','left_behind_child','watch') ) NOT NULL, \"source\" varchar CHECK( \"source\" IN ('self','grid_verified','family','import') ) NOT NULL, \"sourceName\" varchar(40), \"verifiedAt\" datetime(6) NOT NULL, \"setBy\" varchar(26) NOT NULL, \"removedAt\" datetime(6), \"removedBy\" varchar(26), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_e6a2b26a8b04533d42489eba41\" ON \"person_tags\" (\"tag\", \"removedAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_41637029d09c17e68395a5b7f7\" ON \"person_tags\" (\"userId\", \"tag\") ");
    await queryRunner.query("CREATE TABLE \"risk_warnings\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"rule\" varchar(40) NOT NULL, \"level\" varchar CHECK( \"level\" IN ('yellow','orange','red') ) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('raised','acknowledged','resolved') ) NOT NULL, \"subjectId\" varchar(26) NOT NULL, \"subjectUserId\" varchar(26), \"householdId\" varchar(26), \"communityId\" varchar(26) NOT NULL, \"path\" varchar(300) NOT NULL, \"sentence\" varchar(500) NOT NULL, \"factKey\" varchar(120) NOT NULL, \"openKey\" varchar(80), \"raisedAt\" datetime(6) NOT NULL, \"ackDueAt\" datetime(6) NOT NULL, \"escalation\" integer NOT NULL DEFAULT (0), \"escalateAt\" datetime(6), \"acknowledgedBy\" varchar(26), \"acknowledgedAt\" datetime(6), \"resolvedBy\" varchar(26), \"resolvedAt\" datetime(6), \"resolutionNote\" varchar(500), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_ef0308835171860bfa052570c8\" ON \"risk_warnings\" (\"path\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ceba881343fd261388ed64dd86\" ON \"risk_warnings\" (\"status\", \"escalateAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c9d966754288a10f43fa33f5d8\" ON \"risk_warnings\" (\"rule\", \"subjectId\", \"factKey\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3b3755051460554882070ba1cb\" ON \"risk_warnings\" (\"openKey\") ");
    await queryRunner.query("CREATE TABLE \"care_settings\" (\"communityId\" varchar(26) PRIMARY KEY NOT NULL, \"cadence\" text NOT NULL, \"thresholds\" text NOT NULL, \"updatedBy\" varchar(26) NOT NULL, \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("DROP INDEX \"IDX_6f71b9d9a14119211c74c1d24f\"");
    await queryRunner.query("DROP INDEX \"IDX_2a0c4a271b67c826d35f8677d3\"");
    await queryRunner.query("CREATE TABLE \"temporary_role_assignments\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"role\" varchar CHECK( \"role\" IN ('resident','party_member','organiser','treasurer','admin','grid_worker') ) NOT NULL, \"nodeId\" varchar(26) NOT NULL, \"grantedBy\" varchar(26), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"temporary_role_assignments\"(\"id\", \"userId\", \"role\", \"nodeId\", \"grantedBy\", \"createdAt\") SELECT \"id\", \"userId\", \"role\", \"nodeId\", \"grantedBy\", \"createdAt\" FROM \"role_assignments\"");
    await queryRunner.query("DROP TABLE \"role_assignments\"");
    await queryRunner.query("ALTER TABLE \"temporary_role_assignments\" RENAME TO \"role_assignments\"");
    await queryRunner.query("CREATE INDEX \"IDX_2a0c4a271b67c826d35f8677d3\" ON \"role_assignments\" (\"nodeId\") ");
    await queryRunner.query("DROP INDEX \"IDX_a1d6149ac52d12b8dde23cf2da\"");
    await queryRunner.query("DROP INDEX \"IDX_f8f525fc9cd1b4dea41f75f605\"");
    await queryRunner.query("DROP INDEX \"IDX_60a6fa83bccbee1a5d93aeee75\"");
    await queryRunner.query("CREATE TABLE \"temporary_proxy_actions\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"actorUserId\" varchar(26) NOT NULL, \"subjectUserId\" varchar(26) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('activity_signup','enrollment_cancel','checkin','inbox_read','resident_register','dues_payment') ) NOT NULL, \"targetType\" varchar(16) NOT NULL, \"targetId\" varchar(26) NOT NULL, \"targetTitle\" varchar(60) NOT NULL, \"consent\" varchar CHECK( \"consent\" IN ('family_link','organiser') ) NOT NULL, \"familyLinkId\" varchar(26), \"actorRole\" varchar CHECK( \"actorRole\" IN ('resident','party_member','organiser','treasurer','admin','grid_worker') ), \"reason\" varchar(100), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"temporary_proxy_actions\"(\"id\", \"actorUserId\", \"subjectUserId\", \"action\", \"targetType\", \"targetId\", \"targetTitle\", \"consent\", \"familyLinkId\", \"actorRole\", \"reason\", \"createdAt\") SELECT \"id\", \"actorUserId\", \"subjectUserId\", \"action\", \"targetType\", \"targetId\", \"targetTitle\", \"consent\", \"familyLinkId\", \"actorRole\", \"reason\", \"createdAt\" FROM \"proxy_actions\"");
    await queryRunner.query("DROP TABLE \"proxy_actions\"");
    await queryRunner.query("ALTER TABLE \"temporary_proxy_actions\" RENAME TO \"proxy_actions\"");
    await queryRunner.query("CREATE INDEX \"IDX_a1d6149ac52d12b8dde23cf2da\" ON \"proxy_actions\" (\"targetType\", \"targetId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f8f525fc9cd1b4dea41f75f605\" ON \"proxy_actions\" (\"actorUserId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_60a6fa83bccbee1a5d93aeee75\" ON \"proxy_actions\" (\"subjectUserId\", \"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_6f71b9d9a14119211c74c1d24f\" ON \"role_assignments\" (\"userId\", \"role\", \"nodeId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_6f71b9d9a14119211c74c1d24f\"");
    await queryRunner.query("DROP INDEX \"IDX_60a6fa83bccbee1a5d93aeee75\"");
    await queryRunner.query("DROP INDEX \"IDX_f8f525fc9cd1b4dea41f75f605\"");
    await queryRunner.query("DROP INDEX \"IDX_a1d6149ac52d12b8dde23cf2da\"");
    await queryRunner.query("ALTER TABLE \"proxy_actions\" RENAME TO \"temporary_proxy_actions\"");
    await queryRunner.query("CREATE TABLE \"proxy_actions\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"actorUserId\" varchar(26) NOT NULL, \"subjectUserId\" varchar(26) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('activity_signup','enrollment_cancel','checkin','inbox_read','resident_register','dues_payment') ) NOT NULL, \"targetType\" varchar(16) NOT NULL, \"targetId\" varchar(26) NOT NULL, \"targetTitle\" varchar(60) NOT NULL, \"consent\" varchar CHECK( \"consent\" IN ('family_link','organiser') ) NOT NULL, \"familyLinkId\" varchar(26), \"actorRole\" varchar CHECK( \"actorRole\" IN ('resident','party_member','organiser','treasurer','admin') ), \"reason\" varchar(100), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"proxy_actions\"(\"id\", \"actorUserId\", \"subjectUserId\", \"action\", \"targetType\", \"targetId\", \"targetTitle\", \"consent\", \"familyLinkId\", \"actorRole\", \"reason\", \"createdAt\") SELECT \"id\", \"actorUserId\", \"subjectUserId\", \"action\", \"targetType\", \"targetId\", \"targetTitle\", \"consent\", \"familyLinkId\", \"actorRole\", \"reason\", \"createdAt\" FROM \"temporary_proxy_actions\"");
    await queryRunner.query("DROP TABLE \"temporary_proxy_actions\"");
    await queryRunner.query("CREATE INDEX \"IDX_60a6fa83bccbee1a5d93aeee75\" ON \"proxy_actions\" (\"subjectUserId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f8f525fc9cd1b4dea41f75f605\" ON \"proxy_actions\" (\"actorUserId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a1d6149ac52d12b8dde23cf2da\" ON \"proxy_actions\" (\"targetType\", \"targetId\") ");
    await queryRunner.query("DROP INDEX \"IDX_2a0c4a271b67c826d35f8677d3\"");
    await queryRunner.query("ALTER TABLE \"role_assignments\" RENAME TO \"temporary_role_assignments\"");
    await queryRunner.query("CREATE TABLE \"role_assignments\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"role\" varchar CHECK( \"role\" IN ('resident','party_member','organiser','treasurer','admin') ) NOT NULL, \"nodeId\" varchar(26) NOT NULL, \"grantedBy\" varchar(26), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"role_assignments\"(\"id\", \"userId\", \"role\", \"nodeId\", \"grantedBy\", \"createdAt\") SELECT \"id\", \"userId\", \"role\", \"nodeId\", \"grantedBy\", \"createdAt\" FROM \"temporary_role_assignments\"");
    await queryRunner.query("DROP TABLE \"temporary_role_assignments\"");
    await queryRunner.query("CREATE INDEX \"IDX_2a0c4a271b67c826d35f8677d3\" ON \"role_assignments\" (\"nodeId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_6f71b9d9a14119211c74c1d24f\" ON \"role_assignments\" (\"userId\", \"role\", \"nodeId\") ");
    await queryRunner.query("DROP TABLE \"care_settings\"");
    await queryRunner.query("DROP INDEX \"IDX_3b3755051460554882070ba1cb\"");
    await queryRunner.query("DROP INDEX \"IDX_c9d966754288a10f43fa33f5d8\"");
    await queryRunner.query("DROP INDEX \"IDX_ceba881343fd261388ed64dd86\"");
    await queryRunner.query("DROP INDEX \"IDX_ef0308835171860bfa052570c8\"");
    await queryRunner.query("DROP TABLE \"risk_warnings\"");
    await queryRunner.query("DROP INDEX \"IDX_41637029d09c17e68395a5b7f7\"");
    await queryRunner.query("DROP INDEX \"IDX_e6a2b26a8b04533d42489eba41\"");
    await queryRunner.query("DROP TABLE \"person_tags\"");
    await queryRunner.query("DROP INDEX \"IDX_ca146e63ebad84f6e800a6bbfb\"");
    await queryRunner.query("DROP TABLE \"person_profiles\"");
    await queryRunner.query("DROP INDEX \"IDX_640db19175e32080e5c6b94b6b\"");
    await queryRunner.query("DROP INDEX \"IDX_020bc38c41448c356b96240183\"");
    await queryRunner.query("DROP INDEX \"IDX_26a8728ee9bb928e20e6c1c14a\"");
    await queryRunner.query("DROP TABLE \"household_members\"");
    await queryRunner.query("DROP INDEX \"IDX_de5d58bb9d0cafa7fa9ecc58cc\"");
    await queryRunner.query("DROP INDEX \"IDX_f4833660c594fdb6838a088d66\"");
    await queryRunner.query("DROP INDEX \"IDX_b620d1db181e04b195aceca182\"");
    await queryRunner.query("DROP TABLE \"households\"");
    await queryRunner.query("DROP INDEX \"IDX_b259d1e3e29911b29c026a1150\"");
    await queryRunner.query("DROP TABLE \"household_tasks\"");
    await queryRunner.query("DROP INDEX \"IDX_d5b5f0c0f6b9745e5a4a5e84db\"");
    await queryRunner.query("DROP INDEX \"IDX_4316cce8bdb42cab7dfa2de9a3\"");
    await queryRunner.query("DROP TABLE \"care_visits\"");
  }
}
