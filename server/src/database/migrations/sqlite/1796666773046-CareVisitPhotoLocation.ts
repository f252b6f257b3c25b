import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CareVisitPhotoLocation1796666773046 implements MigrationInterface {
  name = 'CareVisitPhotoLocation1796666773046';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_d5b5f0c0f6b9745e5a4a5e84db\"");
    await queryRunner.query("DROP INDEX \"IDX_4316cce8bdb42cab7dfa2de9a3\"");
    await queryRunner.query("CREATE TABLE \"temporary_care_visits\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"householdId\" varchar(26) NOT NULL, \"visitorId\" varchar(26) NOT NULL, \"visitedAt\" datetime(6) NOT NULL, \"method\" varchar CHECK( \"method\" IN ('home','phone','proxy','community') ) NOT NULL, \"situation\" varchar CHECK( \"situation\" IN ('normal','unwell','needs_help','no_answer','moved_away','other') ) NOT NULL, \"seenUserIds\" text NOT NULL, \"notes\" varchar(1000), \"needs\" text NOT NULL, \"correctsVisitId\" varchar(26), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"photoFileName\" varchar(40), \"lat\" double, \"lng\" double)");
    await queryRunner.query("INSERT INTO \"temporary_care_visits\"(\"id\", \"householdId\", \"visitorId\", \"visitedAt\", \"method\", \"situation\", \"seenUserIds\", \"notes\", \"needs\", \"correctsVisitId\", \"createdAt\") SELECT \"id\", \"householdId\", \"visitorId\", \"visitedAt\", \"method\", \"situation\", \"seenUserIds\", \"notes\", \"needs\", \"correctsVisitId\", \"createdAt\" FROM \"care_visits\"");
    await queryRunner.query("DROP TABLE \"care_visits\"");
    await queryRunner.query("ALTER TABLE \"temporary_care_visits\" RENAME TO \"care_visits\"");
    await queryRunner.query("CREATE INDEX \"IDX_d5b5f0c0f6b9745e5a4a5e84db\" ON \"care_visits\" (\"householdId\", \"visitedAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4316cce8bdb42cab7dfa2de9a3\" ON \"care_visits\" (\"correctsVisitId\") ");
    await queryRunner.query("DROP INDEX \"IDX_556865bf3fbf33bd613ec66956\"");
    await queryRunner.query("CREATE TABLE \"temporary_consent_records\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('privacy_policy','family_link','family_link_revoked','account_deleted','visit_location','visit_location_withdrawn') ) NOT NULL, \"subjectRef\" varchar(26), \"version\" varchar(32) NOT NULL, \"at\" datetime(6) NOT NULL)");
    await queryRunner.query("INSERT INTO \"temporary_consent_records\"(\"id\", \"userId\", \"kind\", \"subjectRef\", \"version\", \"at\") SELECT \"id\", \"userId\", \"kind\", \"subjectRef\", \"version\", \"at\" FROM \"consent_records\"");
    await queryRunner.query("DROP TABLE \"consent_records\"");
    await queryRunner.query("ALTER TABLE \"temporary_consent_records\" RENAME TO \"consent_records\"");
    await queryRunner.query("CREATE INDEX \"IDX_556865bf3fbf33bd613ec66956\" ON \"consent_records\" (\"userId\", \"at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_556865bf3fbf33bd613ec66956\"");
    await queryRunner.query("ALTER TABLE \"consent_records\" RENAME TO \"temporary_consent_records\"");
    await queryRunner.query("CREATE TABLE \"consent_records\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('privacy_policy','family_link','family_link_revoked','account_deleted') ) NOT NULL, \"subjectRef\" varchar(26), \"version\" varchar(32) NOT NULL, \"at\" datetime(6) NOT NULL)");
    await queryRunner.query("INSERT INTO \"consent_records\"(\"id\", \"userId\", \"kind\", \"subjectRef\", \"version\", \"at\") SELECT \"id\", \"userId\", \"kind\", \"subjectRef\", \"version\", \"at\" FROM \"temporary_consent_records\"");
    await queryRunner.query("DROP TABLE \"temporary_consent_records\"");
    await queryRunner.query("CREATE INDEX \"IDX_556865bf3fbf33bd613ec66956\" ON \"consent_records\" (\"userId\", \"at\") ");
    await queryRunner.query("DROP INDEX \"IDX_4316cce8bdb42cab7dfa2de9a3\"");
    await queryRunner.query("DROP INDEX \"IDX_d5b5f0c0f6b9745e5a4a5e84db\"");
    await queryRunner.query("ALTER TABLE \"care_visits\" RENAME TO \"temporary_care_visits\"");
    await queryRunner.query("CREATE TABLE \"care_visits\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"householdId\" varchar(26) NOT NULL, \"visitorId\" varchar(26) NOT NULL, \"visitedAt\" datetime(6) NOT NULL, \"method\" varchar CHECK( \"method\" IN ('home','phone','proxy','community') ) NOT NULL, \"situation\" varchar CHECK( \"situation\" IN ('normal','unwell','needs_help','no_answer','moved_away','other') ) NOT NULL, \"seenUserIds\" text NOT NULL, \"notes\" varchar(1000), \"needs\" text NOT NULL, \"correctsVisitId\" varchar(26), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"care_visits\"(\"id\", \"householdId\", \"visitorId\", \"visitedAt\", \"method\", \"situation\", \"seenUserIds\", \"notes\", \"needs\", \"correctsVisitId\", \"createdAt\") SELECT \"id\", \"householdId\", \"visitorId\", \"visitedAt\", \"method\", \"situation\", \"seenUserIds\", \"notes\", \"needs\", \"correctsVisitId\", \"createdAt\" FROM \"temporary_care_visits\"");
    await queryRunner.query("DROP TABLE \"temporary_care_visits\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4316cce8bdb42cab7dfa2de9a3\" ON \"care_visits\" (\"correctsVisitId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d5b5f0c0f6b9745e5a4a5e84db\" ON \"care_visits\" (\"householdId\", \"visitedAt\") ");
  }
}
