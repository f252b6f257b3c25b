import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EnrollmentOutboxActivities1795917304224 implements MigrationInterface {
  name = 'EnrollmentOutboxActivities1795917304224';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"activity_ratings\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"activityId\" varchar(26) NOT NULL, \"userId\" varchar(26) NOT NULL, \"stars\" integer NOT NULL, \"comment\" varchar(300) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_fa699256b7a97ad2cf7959a398\" ON \"activity_ratings\" (\"activityId\", \"userId\") ");
    await queryRunner.query("CREATE TABLE \"activities\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"communityId\" varchar(26) NOT NULL, \"communityPath\" varchar(300) NOT NULL, \"title\" varchar(40) NOT NULL, \"category\" varchar CHECK( \"category\" IN ('talk','health','festival','class','trip','volunteer','other') ) NOT NULL, \"description\" text NOT NULL, \"coverImage\" varchar(300), \"place\" varchar(100) NOT NULL, \"startsAt\" datetime(6) NOT NULL, \"endsAt\" datetime(6) NOT NULL, \"slotId\" varchar(26) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('published','cancelled') ) NOT NULL DEFAULT ('published'), \"createdBy\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_3c12867cd7795f4684c07f5588\" ON \"activities\" (\"startsAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_370f3071e0fae56b97379d968b\" ON \"activities\" (\"communityId\", \"startsAt\") ");
    await queryRunner.query("CREATE TABLE \"enrollments\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"slotId\" varchar(26) NOT NULL, \"userId\" varchar(26) NOT NULL, \"companions\" text NOT NULL, \"seats\" integer NOT NULL, \"status\" varchar CHECK( \"status\" IN ('registered','confirmed','waitlisted','offered','cancelled','attended','missed') ) NOT NULL, \"fromReserve\" boolean NOT NULL DEFAULT (0), \"waitlistedAt\" datetime(6), \"offerExpiresAt\" datetime(6), \"enteredBy\" varchar(26), \"enteredReason\" varchar(100), \"decidedBy\" varchar(26), \"cancelReason\" varchar(100), \"attendedAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_91ea4c844f2c4dfc07648a2298\" ON \"enrollments\" (\"status\", \"offerExpiresAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_117520c1124661424c212d63d2\" ON \"enrollments\" (\"userId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e59a45a5d49eb3ba89b0f5fc5a\" ON \"enrollments\" (\"slotId\", \"status\", \"waitlistedAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e20361a9a2c1cfdb32b8e65425\" ON \"enrollments\" (\"slotId\", \"userId\") ");
    await queryRunner.query("CREATE TABLE \"enrollment_slots\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"ownerType\" varchar(20) NOT NULL, \"ownerId\" varchar(26) NOT NULL, \"nodeId\" varchar(26) NOT NULL, \"nodePath\" varchar(300) NOT NULL, \"title\" varchar(60) NOT NULL, \"link\" varchar(200), \"startsAt\" datetime(6) NOT NULL, \"endsAt\" datetime(6) NOT NULL, \"signupOpensAt\" datetime(6) NOT NULL, \"signupClosesAt\" datetime(6) NOT NULL, \"cancelDeadline\" datetime(6) NOT NULL, \"capacity\" integer NOT NULL, \"reserved\" integer NOT NULL DEFAULT (0), \"taken\" integer NOT NULL DEFAULT (0), \"reservedTaken\" integer NOT NULL DEFAULT (0), \"maxCompanions\" integer NOT NULL DEFAULT (0), \"needsApproval\" boolean NOT NULL DEFAULT (0), \"eligibility\" text, \"status\" varchar CHECK( \"status\" IN ('open','cancelled') ) NOT NULL DEFAULT ('open'), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_e1405f5c96c8294c54b3305f6e\" ON \"enrollment_slots\" (\"nodePath\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2ba5891079c33ce0619f789802\" ON \"enrollment_slots\" (\"ownerType\", \"ownerId\") ");
    await queryRunner.query("CREATE TABLE \"inbox_items\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"outboxId\" varchar(26) NOT NULL, \"kind\" varchar(40) NOT NULL, \"title\" varchar(60) NOT NULL, \"body\" varchar(500) NOT NULL, \"link\" varchar(200), \"readAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_10f2eefa61e46168202a34d2d2\" ON \"inbox_items\" (\"userId\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_076bd2511c29df9bbe0f242f22\" ON \"inbox_items\" (\"outboxId\") ");
    await queryRunner.query("CREATE TABLE \"outbox_messages\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"kind\" varchar(40) NOT NULL, \"title\" varchar(60) NOT NULL, \"body\" varchar(500) NOT NULL, \"link\" varchar(200), \"urgent\" boolean NOT NULL DEFAULT (0), \"templateKey\" varchar(40), \"data\" text, \"dedupeKey\" varchar(120) NOT NULL, \"groupKey\" varchar(80), \"status\" varchar CHECK( \"status\" IN ('pending','delivered','cancelled') ) NOT NULL DEFAULT ('pending'), \"wechat\" varchar CHECK( \"wechat\" IN ('none','pending','sending','sent','skipped','failed','unknown') ) NOT NULL DEFAULT ('none'), \"grantHeld\" boolean NOT NULL DEFAULT (0), \"inboxDone\" boolean NOT NULL DEFAULT (0), \"attempts\" integer NOT NULL DEFAULT (0), \"notBefore\" datetime(6) NOT NULL, \"leaseUntil\" datetime(6), \"leaseOwner\" varchar(26), \"lastError\" varchar(200), \"deliveredAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_aad211261db03d114b93e15611\" ON \"outbox_messages\" (\"groupKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2c764776496a64ed9d98bbe247\" ON \"outbox_messages\" (\"status\", \"notBefore\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_79cd53d0d5affdfc50864b2d45\" ON \"outbox_messages\" (\"dedupeKey\") ");
    await queryRunner.query("CREATE TABLE \"subscription_grants\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"templateKey\" varchar(40) NOT NULL, \"remaining\" integer NOT NULL DEFAULT (0), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_88a4a0225dab9cc6bce22347fe\" ON \"subscription_grants\" (\"userId\", \"templateKey\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_88a4a0225dab9cc6bce22347fe\"");
    await queryRunner.query("DROP TABLE \"subscription_grants\"");
    await queryRunner.query("DROP INDEX \"IDX_79cd53d0d5affdfc50864b2d45\"");
    await queryRunner.query("DROP INDEX \"IDX_2c764776496a64ed9d98bbe247\"");
    await queryRunner.query("DROP INDEX \"IDX_aad211261db03d114b93e15611\"");
    await queryRunner.query("DROP TABLE \"outbox_messages\"");
    await queryRunner.query("DROP INDEX \"IDX_076bd2511c29df9bbe0f242f22\"");
    await queryRunner.query("DROP INDEX \"IDX_10f2eefa61e46168202a34d2d2\"");
    await queryRunner.query("DROP TABLE \"inbox_items\"");
    await queryRunner.query("DROP INDEX \"IDX_2ba5891079c33ce0619f789802\"");
    await queryRunner.query("DROP INDEX \"IDX_e1405f5c96c8294c54b3305f6e\"");
    await queryRunner.query("DROP TABLE \"enrollment_slots\"");
    await queryRunner.query("DROP INDEX \"IDX_e20361a9a2c1cfdb32b8e65425\"");
    await queryRunner.query("DROP INDEX \"IDX_e59a45a5d49eb3ba89b0f5fc5a\"");
    await queryRunner.query("DROP INDEX \"IDX_117520c1124661424c212d63d2\"");
    await queryRunner.query("DROP INDEX \"IDX_91ea4c844f2c4dfc07648a2298\"");
    await queryRunner.query("DROP TABLE \"enrollments\"");
    await queryRunner.query("DROP INDEX \"IDX_370f3071e0fae56b97379d968b\"");
    await queryRunner.query("DROP INDEX \"IDX_3c12867cd7795f4684c07f5588\"");
    await queryRunner.query("DROP TABLE \"activities\"");
    await queryRunner.query("DROP INDEX \"IDX_fa699256b7a97ad2cf7959a398\"");
    await queryRunner.query("DROP TABLE \"activity_ratings\"");
  }
}
