import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseWorkflow1796666932305 implements MigrationInterface {
  name = 'CaseWorkflow1796666932305';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"case_events\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"caseId\" varchar(26) NOT NULL, \"at\" datetime(6) NOT NULL, \"actorId\" varchar(26), \"type\" varchar CHECK( \"type\" IN ('filed','followed','accepted','reassigned','replied','resolved','rated','reopened','due_soon','overdue','escalated','merged','merged_in','refused','cannot_handle','withdrawn','closed') ) NOT NULL, \"text\" varchar(1000))");
    await queryRunner.query("CREATE INDEX \"IDX_3f2503c6100495954a9b24c511\" ON \"case_events\" (\"caseId\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"case_followers\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"caseId\" varchar(26) NOT NULL, \"userId\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_75afa8dfa2ddee9178c798c4839\" UNIQUE (\"caseId\", \"userId\"))");
    await queryRunner.query("CREATE INDEX \"IDX_183ae96aa4b142714c6c79f73e\" ON \"case_followers\" (\"userId\") ");
    await queryRunner.query("CREATE TABLE \"case_routes\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"gridId\" varchar(26) NOT NULL, \"category\" varchar(30) NOT NULL, \"handlerUserId\" varchar(26) NOT NULL, \"updatedBy\" varchar(26) NOT NULL, \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_b848ebfabd6508799f98a3282c2\" UNIQUE (\"gridId\", \"category\"))");
    await queryRunner.query("CREATE TABLE \"case_category_settings\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"communityId\" varchar(26) NOT NULL, \"category\" varchar(30) NOT NULL, \"acceptHours\" integer, \"resolveDays\" integer NOT NULL, \"anonymousAllowed\" boolean NOT NULL DEFAULT (0), \"updatedBy\" varchar(26) NOT NULL, \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_7954fc0d3426f78da1830a78644\" UNIQUE (\"communityId\", \"category\"))");
    await queryRunner.query("CREATE TABLE \"cases\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('report','dispute','visit_followup','privacy_complaint') ) NOT NULL, \"category\" varchar(30) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending','accepted','in_progress','resolved','rated','closed','merged','refused','cannot_handle','withdrawn') ) NOT NULL, \"text\" varchar(1000) NOT NULL, \"reporterId\" varchar(26) NOT NULL, \"filedById\" varchar(26), \"anonymous\" boolean NOT NULL DEFAULT (0), \"communityId\" varchar(26) NOT NULL, \"gridId\" varchar(26), \"buildingId\" varchar(26), \"orgPath\" varchar(300) NOT NULL, \"handlerId\" varchar(26), \"acceptDueAt\" datetime(6) NOT NULL, \"resolveDueAt\" datetime(6), \"dueAt\" datetime(6), \"dueSoonAt\" datetime(6), \"escalateAt\" datetime(6), \"escalationLevel\" integer NOT NULL DEFAULT (0), \"acceptedAt\" datetime(6), \"resolvedAt\" datetime(6), \"closedAt\" datetime(6), \"rating\" varchar CHECK( \"rating\" IN ('satisfied','basically','unsatisfied') ), \"reopenCount\" integer NOT NULL DEFAULT (0), \"mergedIntoId\" varchar(26), \"exitReason\" varchar(200), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_f923dc449c6c967de0e8028e9f\" ON \"cases\" (\"orgPath\") ");
    await queryRunner.query("CREATE INDEX \"IDX_83edcf43911ce7689d3ae17835\" ON \"cases\" (\"buildingId\", \"category\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9a4c4425bd760e9664ec5c7475\" ON \"cases\" (\"reporterId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3ff4dea5af5463c48568938d57\" ON \"cases\" (\"handlerId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4e7c55b16f20c7a8c6d8d2fad1\" ON \"cases\" (\"status\", \"escalateAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e8d2094458ed0fcd4f50647696\" ON \"cases\" (\"status\", \"dueSoonAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_e8d2094458ed0fcd4f50647696\"");
    await queryRunner.query("DROP INDEX \"IDX_4e7c55b16f20c7a8c6d8d2fad1\"");
    await queryRunner.query("DROP INDEX \"IDX_3ff4dea5af5463c48568938d57\"");
    await queryRunner.query("DROP INDEX \"IDX_9a4c4425bd760e9664ec5c7475\"");
    await queryRunner.query("DROP INDEX \"IDX_83edcf43911ce7689d3ae17835\"");
    await queryRunner.query("DROP INDEX \"IDX_f923dc449c6c967de0e8028e9f\"");
    await queryRunner.query("DROP TABLE \"cases\"");
    await queryRunner.query("DROP TABLE \"case_category_settings\"");
    await queryRunner.query("DROP TABLE \"case_routes\"");
    await queryRunner.query("DROP INDEX \"IDX_183ae96aa4b142714c6c79f73e\"");
    await queryRunner.query("DROP TABLE \"case_followers\"");
    await queryRunner.query("DROP INDEX \"IDX_3f2503c6100495954a9b24c511\"");
    await queryRunner.query("DROP TABLE \"case_events\"");
  }
}
