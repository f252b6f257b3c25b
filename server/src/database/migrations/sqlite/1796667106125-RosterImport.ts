import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RosterImport1796667106125 implements MigrationInterface {
  name = 'RosterImport1796667106125';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"roster_sources\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"communityId\" varchar(26) NOT NULL, \"path\" varchar(300) NOT NULL, \"name\" varchar(40) NOT NULL, \"mapping\" text NOT NULL, \"impliedTags\" text NOT NULL, \"createdBy\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9cfe404b7d3bd78d6e5deba551\" ON \"roster_sources\" (\"communityId\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"roster_imports\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"sourceId\" varchar(26) NOT NULL, \"path\" varchar(300) NOT NULL, \"fileName\" varchar(200) NOT NULL, \"storedName\" varchar(60) NOT NULL, \"format\" varchar CHECK( \"format\" IN ('xlsx','csv') ) NOT NULL, \"sheets\" text NOT NULL, \"sheet\" varchar(100), \"headers\" text NOT NULL, \"mapping\" text NOT NULL, \"status\" varchar CHECK( \"status\" IN ('uploaded','previewed','committing','committed','failed','rolled_back') ) NOT NULL, \"rowsTotal\" integer NOT NULL DEFAULT (0), \"rowsDone\" integer NOT NULL DEFAULT (0), \"counts\" text NOT NULL, \"fileFindings\" text NOT NULL, \"error\" varchar(300), \"createdBy\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"committedAt\" datetime(6), \"rolledBackAt\" datetime(6))");
    await queryRunner.query("CREATE INDEX \"IDX_352e298f0a03a392473387e3ce\" ON \"roster_imports\" (\"sourceId\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"roster_rows\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"importId\" varchar(26) NOT NULL, \"rowNo\" integer NOT NULL, \"recordKey\" varchar(64) NOT NULL, \"idHash\" varchar(64), \"recordCipher\" text NOT NULL, \"findings\" text NOT NULL, \"outcome\" varchar CHECK( \"outcome\" IN ('create','merge','queue','flag','unchanged') ) NOT NULL, \"userId\" varchar(26), \"effects\" text)");
    await queryRunner.query("CREATE INDEX \"IDX_4b8c46287ca489fd3c61e68568\" ON \"roster_rows\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1e08358a8d003d4fcb3e2a2e23\" ON \"roster_rows\" (\"importId\", \"outcome\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b7ce8c856550f4fc095adcb4cd\" ON \"roster_rows\" (\"importId\", \"rowNo\") ");
    await queryRunner.query("CREATE TABLE \"roster_links\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"sourceId\" varchar(26) NOT NULL, \"recordKey\" varchar(64) NOT NULL, \"userId\" varchar(26) NOT NULL, \"importId\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_e2ba301edc1d49dccd149181c4\" ON \"roster_links\" (\"userId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e8ff5000d58d12e8125982bf92\" ON \"roster_links\" (\"sourceId\", \"recordKey\") ");
    await queryRunner.query("CREATE TABLE \"roster_pairs\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"importId\" varchar(26) NOT NULL, \"rowId\" varchar(26) NOT NULL, \"recordKey\" varchar(64) NOT NULL, \"userId\" varchar(26) NOT NULL, \"path\" varchar(300) NOT NULL, \"evidence\" text NOT NULL, \"status\" varchar CHECK( \"status\" IN ('open','same','different') ) NOT NULL, \"decidedBy\" varchar(26), \"decidedAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_0543f1b04c1a2f246db8eb37e0\" ON \"roster_pairs\" (\"path\", \"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_8a7df1565d1f0197a698d4ce7e\" ON \"roster_pairs\" (\"recordKey\", \"userId\") ");
    await queryRunner.query("CREATE TABLE \"verification_tasks\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"householdId\" varchar(26), \"communityId\" varchar(26) NOT NULL, \"path\" varchar(300) NOT NULL, \"field\" varchar CHECK( \"field\" IN ('name','phone','birthDate','gender','address') ) NOT NULL, \"valuesCipher\" text NOT NULL, \"seenKeys\" text NOT NULL, \"status\" varchar CHECK( \"status\" IN ('open','resolved') ) NOT NULL, \"openKey\" varchar(60), \"importId\" varchar(26) NOT NULL, \"resolvedCipher\" varchar(300), \"resolvedBy\" varchar(26), \"resolvedAt\" datetime(6), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_f1919aff974b63a3d851e547a1\" ON \"verification_tasks\" (\"userId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e66fe6f947b50441892a645c44\" ON \"verification_tasks\" (\"path\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7b19ac73d9529ece7a22372888\" ON \"verification_tasks\" (\"householdId\", \"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c51d720db37cacaf6f00d6a24d\" ON \"verification_tasks\" (\"openKey\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_c51d720db37cacaf6f00d6a24d\"");
    await queryRunner.query("DROP INDEX \"IDX_7b19ac73d9529ece7a22372888\"");
    await queryRunner.query("DROP INDEX \"IDX_e66fe6f947b50441892a645c44\"");
    await queryRunner.query("DROP INDEX \"IDX_f1919aff974b63a3d851e547a1\"");
    await queryRunner.query("DROP TABLE \"verification_tasks\"");
    await queryRunner.query("DROP INDEX \"IDX_8a7df1565d1f0197a698d4ce7e\"");
    await queryRunner.query("DROP INDEX \"IDX_0543f1b04c1a2f246db8eb37e0\"");
    await queryRunner.query("DROP TABLE \"roster_pairs\"");
    await queryRunner.query("DROP INDEX \"IDX_e8ff5000d58d12e8125982bf92\"");
    await queryRunner.query("DROP INDEX \"IDX_e2ba301edc1d49dccd149181c4\"");
    await queryRunner.query("DROP TABLE \"roster_links\"");
    await queryRunner.query("DROP INDEX \"IDX_b7ce8c856550f4fc095adcb4cd\"");
    await queryRunner.query("DROP INDEX \"IDX_1e08358a8d003d4fcb3e2a2e23\"");
    await queryRunner.query("DROP INDEX \"IDX_4b8c46287ca489fd3c61e68568\"");
    await queryRunner.query("DROP TABLE \"roster_rows\"");
    await queryRunner.query("DROP INDEX \"IDX_352e298f0a03a392473387e3ce\"");
    await queryRunner.query("DROP TABLE \"roster_imports\"");
    await queryRunner.query("DROP INDEX \"IDX_9cfe404b7d3bd78d6e5deba551\"");
    await queryRunner.query("DROP TABLE \"roster_sources\"");
  }
}
