import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795916641520 implements MigrationInterface {
  name = 'Initial1795916641520';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"refresh_tokens\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"familyId\" varchar(26) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"expiresAt\" datetime(6) NOT NULL, \"usedAt\" datetime(6), \"revokedAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_40e9a8b923a1b3fb4429a5c624\" ON \"refresh_tokens\" (\"familyId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c25bc63d248ca90e8dcc1d92d0\" ON \"refresh_tokens\" (\"tokenHash\") ");
    await queryRunner.query("CREATE TABLE \"role_assignments\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"role\" varchar CHECK( \"role\" IN ('resident','party_member','organiser','treasurer','admin') ) NOT NULL, \"nodeId\" varchar(26) NOT NULL, \"grantedBy\" varchar(26), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_2a0c4a271b67c826d35f8677d3\" ON \"role_assignments\" (\"nodeId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_6f71b9d9a14119211c74c1d24f\" ON \"role_assignments\" (\"userId\", \"role\", \"nodeId\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"openid\" varchar(64), \"unionid\" varchar(64), \"name\" varchar(32) NOT NULL, \"phoneCipher\" varchar(200), \"phoneHash\" varchar(64), \"birthYear\" integer, \"residenceNodeId\" varchar(26), \"branchNodeId\" varchar(26), \"elderMode\" boolean NOT NULL DEFAULT (0), \"privacyVersion\" varchar(32), \"privacyAcceptedAt\" datetime(6), \"disabled\" boolean NOT NULL DEFAULT (0), \"demoPersona\" varchar(32), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_23dad997211259b6cf20520f50\" ON \"users\" (\"demoPersona\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3d9846dd61dae080a2d00de227\" ON \"users\" (\"branchNodeId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_18b695b0b31cf315025f0e0779\" ON \"users\" (\"residenceNodeId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a78fbf9a44244abda9841b8dc2\" ON \"users\" (\"phoneHash\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9c98f005249412c8333a3b2c59\" ON \"users\" (\"openid\") ");
    await queryRunner.query("CREATE TABLE \"org_nodes\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('street','community','grid','building','committee','general_branch','branch','group') ) NOT NULL, \"name\" varchar(64) NOT NULL, \"parentId\" varchar(26), \"path\" varchar(300) NOT NULL, \"depth\" integer NOT NULL, \"contactUserId\" varchar(26), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_bff5096eb13f271ea37d2ef859\" ON \"org_nodes\" (\"parentId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4276e6b85d2fdd993ef315f160\" ON \"org_nodes\" (\"path\") ");
    await queryRunner.query("CREATE TABLE \"party_applications\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"branchId\" varchar(26) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending','approved','rejected') ) NOT NULL DEFAULT ('pending'), \"note\" varchar(200), \"decidedBy\" varchar(26), \"decidedAt\" datetime(6), \"decisionReason\" varchar(200), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_c2a320398ef1e84866424e370b\" ON \"party_applications\" (\"branchId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ad98a321a8308f28ebbd1dd43c\" ON \"party_applications\" (\"userId\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"wechat_access_tokens\" (\"appid\" varchar(64) PRIMARY KEY NOT NULL, \"token\" varchar(512) NOT NULL, \"expiresAt\" datetime(6) NOT NULL, \"refreshingUntil\" datetime(6))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"wechat_access_tokens\"");
    await queryRunner.query("DROP INDEX \"IDX_ad98a321a8308f28ebbd1dd43c\"");
    await queryRunner.query("DROP INDEX \"IDX_c2a320398ef1e84866424e370b\"");
    await queryRunner.query("DROP TABLE \"party_applications\"");
    await queryRunner.query("DROP INDEX \"IDX_4276e6b85d2fdd993ef315f160\"");
    await queryRunner.query("DROP INDEX \"IDX_bff5096eb13f271ea37d2ef859\"");
    await queryRunner.query("DROP TABLE \"org_nodes\"");
    await queryRunner.query("DROP INDEX \"IDX_9c98f005249412c8333a3b2c59\"");
    await queryRunner.query("DROP INDEX \"IDX_a78fbf9a44244abda9841b8dc2\"");
    await queryRunner.query("DROP INDEX \"IDX_18b695b0b31cf315025f0e0779\"");
    await queryRunner.query("DROP INDEX \"IDX_3d9846dd61dae080a2d00de227\"");
    await queryRunner.query("DROP INDEX \"IDX_23dad997211259b6cf20520f50\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"IDX_6f71b9d9a14119211c74c1d24f\"");
    await queryRunner.query("DROP INDEX \"IDX_2a0c4a271b67c826d35f8677d3\"");
    await queryRunner.query("DROP TABLE \"role_assignments\"");
    await queryRunner.query("DROP INDEX \"IDX_c25bc63d248ca90e8dcc1d92d0\"");
    await queryRunner.query("DROP INDEX \"IDX_40e9a8b923a1b3fb4429a5c624\"");
    await queryRunner.query("DROP TABLE \"refresh_tokens\"");
  }
}
