import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PointsLedger1795917099163 implements MigrationInterface {
  name = 'PointsLedger1795917099163';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"points_entries\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('login','article_read','article_time','video_watch','video_time','daily_quiz','weekly_quiz','special_quiz','challenge_quiz','share','comment','meeting_attendance','activity_attendance','volunteer_hours','dues_on_time','mall_redeem','mall_refund','adjustment') ) NOT NULL, \"amount\" integer NOT NULL, \"requested\" integer NOT NULL, \"capped\" boolean NOT NULL DEFAULT (0), \"capReason\" varchar(16), \"note\" varchar(200), \"sourceType\" varchar(32) NOT NULL, \"sourceId\" varchar(64) NOT NULL, \"idempotencyKey\" varchar(160) NOT NULL, \"nodeId\" varchar(26), \"ruleNodeId\" varchar(26), \"reversesEntryId\" varchar(26), \"at\" datetime(6) NOT NULL, \"periodAt\" datetime(6) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_b81370feeb964949706abd6556\" ON \"points_entries\" (\"sourceType\", \"sourceId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4ab9aa7daf1d365f94e8dc14b8\" ON \"points_entries\" (\"userId\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d71df29da23cd45cc4369c1601\" ON \"points_entries\" (\"reversesEntryId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b4eaf093a9cc30b0d07df43541\" ON \"points_entries\" (\"idempotencyKey\") ");
    await queryRunner.query("CREATE TABLE \"mall_items\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"nodeId\" varchar(26) NOT NULL, \"name\" varchar(40) NOT NULL, \"description\" varchar(500) NOT NULL DEFAULT (''), \"imageUrl\" varchar(300), \"pricePoints\" integer NOT NULL, \"stock\" integer NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"createdBy\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_1722effb5122f542a74c9dbe7a\" ON \"mall_items\" (\"nodeId\") ");
    await queryRunner.query("CREATE TABLE \"mall_redemptions\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"itemId\" varchar(26) NOT NULL, \"userId\" varchar(26) NOT NULL, \"pricePoints\" integer NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending','picked_up','cancelled') ) NOT NULL, \"pickupCode\" varchar(8) NOT NULL, \"requestKey\" varchar(64) NOT NULL, \"debitEntryId\" varchar(26) NOT NULL, \"pickedUpAt\" datetime(6), \"pickedUpBy\" varchar(26), \"cancelledAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_f13582716b6e9967f63394597f\" ON \"mall_redemptions\" (\"itemId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_70cab324ed929e6457fff97f8d\" ON \"mall_redemptions\" (\"userId\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_68864640632adcc8f979c0697c\" ON \"mall_redemptions\" (\"userId\", \"requestKey\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e35ca567904dc2a2ac87f1710d\" ON \"mall_redemptions\" (\"pickupCode\") ");
    await queryRunner.query("CREATE TABLE \"points_period_scores\" (\"periodKey\" varchar(12) NOT NULL, \"userId\" varchar(26) NOT NULL, \"branchId\" varchar(26), \"communityId\" varchar(26), \"points\" integer NOT NULL DEFAULT (0), PRIMARY KEY (\"periodKey\", \"userId\"))");
    await queryRunner.query("CREATE INDEX \"idx_score_community\" ON \"points_period_scores\" (\"periodKey\", \"communityId\", \"points\") ");
    await queryRunner.query("CREATE INDEX \"idx_score_branch\" ON \"points_period_scores\" (\"periodKey\", \"branchId\", \"points\") ");
    await queryRunner.query("CREATE TABLE \"points_balances\" (\"userId\" varchar(26) PRIMARY KEY NOT NULL, \"balance\" integer NOT NULL DEFAULT (0), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE TABLE \"points_rules\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"nodeId\" varchar(26) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('login','article_read','article_time','video_watch','video_time','daily_quiz','weekly_quiz','special_quiz','challenge_quiz','share','comment','meeting_attendance','activity_attendance','volunteer_hours','dues_on_time','mall_redeem','mall_refund','adjustment') ) NOT NULL, \"points\" integer NOT NULL, \"dailyCap\" integer, \"weeklyCap\" integer, \"yearlyCap\" integer, \"active\" boolean NOT NULL DEFAULT (1), \"updatedBy\" varchar(26) NOT NULL, \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3a84a9425e5842823e230c3b5a\" ON \"points_rules\" (\"nodeId\", \"action\") ");
    await queryRunner.query("CREATE TABLE \"points_tallies\" (\"userId\" varchar(26) NOT NULL, \"action\" varchar CHECK( \"action\" IN ('login','article_read','article_time','video_watch','video_time','daily_quiz','weekly_quiz','special_quiz','challenge_quiz','share','comment','meeting_attendance','activity_attendance','volunteer_hours','dues_on_time','mall_redeem','mall_refund','adjustment') ) NOT NULL, \"periodKey\" varchar(12) NOT NULL, \"awarded\" integer NOT NULL DEFAULT (0), PRIMARY KEY (\"userId\", \"action\", \"periodKey\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"points_tallies\"");
    await queryRunner.query("DROP INDEX \"IDX_3a84a9425e5842823e230c3b5a\"");
    await queryRunner.query("DROP TABLE \"points_rules\"");
    await queryRunner.query("DROP TABLE \"points_balances\"");
    await queryRunner.query("DROP INDEX \"idx_score_branch\"");
    await queryRunner.query("DROP INDEX \"idx_score_community\"");
    await queryRunner.query("DROP TABLE \"points_period_scores\"");
    await queryRunner.query("DROP INDEX \"IDX_e35ca567904dc2a2ac87f1710d\"");
    await queryRunner.query("DROP INDEX \"IDX_68864640632adcc8f979c0697c\"");
    await queryRunner.query("DROP INDEX \"IDX_70cab324ed929e6457fff97f8d\"");
    await queryRunner.query("DROP INDEX \"IDX_f13582716b6e9967f63394597f\"");
    await queryRunner.query("DROP TABLE \"mall_redemptions\"");
    await queryRunner.query("DROP INDEX \"IDX_1722effb5122f542a74c9dbe7a\"");
    await queryRunner.query("DROP TABLE \"mall_items\"");
    await queryRunner.query("DROP INDEX \"IDX_b4eaf093a9cc30b0d07df43541\"");
    await queryRunner.query("DROP INDEX \"IDX_d71df29da23cd45cc4369c1601\"");
    await queryRunner.query("DROP INDEX \"IDX_4ab9aa7daf1d365f94e8dc14b8\"");
    await queryRunner.query("DROP INDEX \"IDX_b81370feeb964949706abd6556\"");
    await queryRunner.query("DROP TABLE \"points_entries\"");
  }
}
