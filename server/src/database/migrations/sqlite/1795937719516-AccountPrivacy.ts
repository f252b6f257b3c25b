import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountPrivacy1795937719516 implements MigrationInterface {
  name = 'AccountPrivacy1795937719516';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"consent_records\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('privacy_policy','family_link','family_link_revoked','account_deleted') ) NOT NULL, \"subjectRef\" varchar(26), \"version\" varchar(32) NOT NULL, \"at\" datetime(6) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_556865bf3fbf33bd613ec66956\" ON \"consent_records\" (\"userId\", \"at\") ");
    await queryRunner.query("DROP INDEX \"IDX_9c98f005249412c8333a3b2c59\"");
    await queryRunner.query("DROP INDEX \"IDX_a78fbf9a44244abda9841b8dc2\"");
    await queryRunner.query("DROP INDEX \"IDX_18b695b0b31cf315025f0e0779\"");
    await queryRunner.query("DROP INDEX \"IDX_3d9846dd61dae080a2d00de227\"");
    await queryRunner.query("DROP INDEX \"IDX_23dad997211259b6cf20520f50\"");
    await queryRunner.query("CREATE TABLE \"temporary_users\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"openid\" varchar(64), \"unionid\" varchar(64), \"name\" varchar(32) NOT NULL, \"phoneCipher\" varchar(200), \"phoneHash\" varchar(64), \"birthYear\" integer, \"residenceNodeId\" varchar(26), \"branchNodeId\" varchar(26), \"elderMode\" boolean NOT NULL DEFAULT (0), \"privacyVersion\" varchar(32), \"privacyAcceptedAt\" datetime(6), \"disabled\" boolean NOT NULL DEFAULT (0), \"demoPersona\" varchar(32), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"deletedAt\" datetime(6))");
    await queryRunner.query("INSERT INTO \"temporary_users\"(\"id\", \"openid\", \"unionid\", \"name\", \"phoneCipher\", \"phoneHash\", \"birthYear\", \"residenceNodeId\", \"branchNodeId\", \"elderMode\", \"privacyVersion\", \"privacyAcceptedAt\", \"disabled\", \"demoPersona\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"openid\", \"unionid\", \"name\", \"phoneCipher\", \"phoneHash\", \"birthYear\", \"residenceNodeId\", \"branchNodeId\", \"elderMode\", \"privacyVersion\", \"privacyAcceptedAt\", \"disabled\", \"demoPersona\", \"createdAt\", \"updatedAt\" FROM \"users\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("ALTER TABLE \"temporary_users\" RENAME TO \"users\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9c98f005249412c8333a3b2c59\" ON \"users\" (\"openid\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a78fbf9a44244abda9841b8dc2\" ON \"users\" (\"phoneHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_18b695b0b31cf315025f0e0779\" ON \"users\" (\"residenceNodeId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3d9846dd61dae080a2d00de227\" ON \"users\" (\"branchNodeId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_23dad997211259b6cf20520f50\" ON \"users\" (\"demoPersona\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_23dad997211259b6cf20520f50\"");
    await queryRunner.query("DROP INDEX \"IDX_3d9846dd61dae080a2d00de227\"");
    await queryRunner.query("DROP INDEX \"IDX_18b695b0b31cf315025f0e0779\"");
    await queryRunner.query("DROP INDEX \"IDX_a78fbf9a44244abda9841b8dc2\"");
    await queryRunner.query("DROP INDEX \"IDX_9c98f005249412c8333a3b2c59\"");
    await queryRunner.query("ALTER TABLE \"users\" RENAME TO \"temporary_users\"");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"openid\" varchar(64), \"unionid\" varchar(64), \"name\" varchar(32) NOT NULL, \"phoneCipher\" varchar(200), \"phoneHash\" varchar(64), \"birthYear\" integer, \"residenceNodeId\" varchar(26), \"branchNodeId\" varchar(26), \"elderMode\" boolean NOT NULL DEFAULT (0), \"privacyVersion\" varchar(32), \"privacyAcceptedAt\" datetime(6), \"disabled\" boolean NOT NULL DEFAULT (0), \"demoPersona\" varchar(32), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"users\"(\"id\", \"openid\", \"unionid\", \"name\", \"phoneCipher\", \"phoneHash\", \"birthYear\", \"residenceNodeId\", \"branchNodeId\", \"elderMode\", \"privacyVersion\", \"privacyAcceptedAt\", \"disabled\", \"demoPersona\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"openid\", \"unionid\", \"name\", \"phoneCipher\", \"phoneHash\", \"birthYear\", \"residenceNodeId\", \"branchNodeId\", \"elderMode\", \"privacyVersion\", \"privacyAcceptedAt\", \"disabled\", \"demoPersona\", \"createdAt\", \"updatedAt\" FROM \"temporary_users\"");
    await queryRunner.query("DROP TABLE \"temporary_users\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_23dad997211259b6cf20520f50\" ON \"users\" (\"demoPersona\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3d9846dd61dae080a2d00de227\" ON \"users\" (\"branchNodeId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_18b695b0b31cf315025f0e0779\" ON \"users\" (\"residenceNodeId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a78fbf9a44244abda9841b8dc2\" ON \"users\" (\"phoneHash\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9c98f005249412c8333a3b2c59\" ON \"users\" (\"openid\") ");
    await queryRunner.query("DROP INDEX \"IDX_556865bf3fbf33bd613ec66956\"");
    await queryRunner.query("DROP TABLE \"consent_records\"");
  }
}
