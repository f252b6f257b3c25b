import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StudyQuizzes1795917613180 implements MigrationInterface {
  name = 'StudyQuizzes1795917613180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"quiz_questions\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('single','multiple','judge') ) NOT NULL, \"category\" varchar(10) NOT NULL, \"stem\" varchar(300) NOT NULL, \"options\" text NOT NULL, \"answer\" text NOT NULL, \"explanation\" varchar(500) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_a6803ce58daceec74cd176257a\" ON \"quiz_questions\" (\"category\") ");
    await queryRunner.query("CREATE TABLE \"quizzes\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('daily','weekly','special','challenge') ) NOT NULL, \"title\" varchar(60) NOT NULL, \"branchId\" varchar(26), \"questionIds\" text NOT NULL, \"opensAt\" datetime(6) NOT NULL, \"deadline\" datetime(6) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE TABLE \"quiz_attempts\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('daily','weekly','special','challenge') ) NOT NULL, \"quizId\" varchar(26), \"uniqueKey\" varchar(80) NOT NULL, \"questionIds\" text NOT NULL, \"answeredCount\" integer NOT NULL DEFAULT (0), \"correctCount\" integer NOT NULL DEFAULT (0), \"currentIndex\" integer NOT NULL DEFAULT (0), \"servedAt\" datetime(6), \"startedAt\" datetime(6) NOT NULL, \"deadline\" datetime(6), \"finishedAt\" datetime(6), \"points\" integer NOT NULL DEFAULT (0), \"pointsCapped\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"IDX_23f2bbe9288b221b1b37737278\" ON \"quiz_attempts\" (\"quizId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_221a0e2a4e21fe30150b78d827\" ON \"quiz_attempts\" (\"userId\", \"startedAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9fab219ba22f5646394bb4e4eb\" ON \"quiz_attempts\" (\"uniqueKey\") ");
    await queryRunner.query("CREATE TABLE \"quiz_answers\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"attemptId\" varchar(26) NOT NULL, \"questionId\" varchar(26) NOT NULL, \"choice\" text NOT NULL, \"correct\" boolean NOT NULL, \"answeredAt\" datetime(6) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f7f1765a0097ef1262c03bee58\" ON \"quiz_answers\" (\"attemptId\", \"questionId\") ");
    await queryRunner.query("CREATE TABLE \"study_contents\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('article','video','audio') ) NOT NULL, \"title\" varchar(80) NOT NULL, \"summary\" varchar(200) NOT NULL DEFAULT (''), \"category\" varchar(10) NOT NULL, \"body\" text NOT NULL, \"mediaUrl\" varchar(300), \"coverUrl\" varchar(300), \"durationSeconds\" integer, \"courseId\" varchar(26), \"lessonOrder\" integer, \"publishedAt\" datetime(6) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_c2b27e7cda69926f094f75c707\" ON \"study_contents\" (\"courseId\", \"lessonOrder\") ");
    await queryRunner.query("CREATE INDEX \"IDX_05577c6fcb5114ce4b3ebe3101\" ON \"study_contents\" (\"publishedAt\") ");
    await queryRunner.query("CREATE TABLE \"study_courses\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"title\" varchar(80) NOT NULL, \"summary\" varchar(200) NOT NULL DEFAULT (''), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE TABLE \"study_topics\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"title\" varchar(60) NOT NULL, \"description\" varchar(500) NOT NULL DEFAULT (''), \"branchId\" varchar(26) NOT NULL, \"deadline\" datetime(6) NOT NULL, \"contentIds\" text NOT NULL, \"quizId\" varchar(26), \"createdBy\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_536cf3b545107a225ad4e49691\" ON \"study_topics\" (\"branchId\") ");
    await queryRunner.query("CREATE TABLE \"study_sessions\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"userId\" varchar(26) NOT NULL, \"activeUserId\" varchar(26), \"contentId\" varchar(26) NOT NULL, \"startedAt\" datetime(6) NOT NULL, \"lastBeatAt\" datetime(6) NOT NULL, \"lastSeq\" integer NOT NULL DEFAULT (0), \"lastPosition\" integer, \"effectiveSeconds\" integer NOT NULL DEFAULT (0), \"closedAt\" datetime(6))");
    await queryRunner.query("CREATE INDEX \"IDX_9bab20fdaf595938361192bb78\" ON \"study_sessions\" (\"userId\", \"startedAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0c396631588e1298c53507812d\" ON \"study_sessions\" (\"activeUserId\") ");
    await queryRunner.query("CREATE TABLE \"study_progress\" (\"userId\" varchar(26) NOT NULL, \"contentId\" varchar(26) NOT NULL, \"effectiveSeconds\" integer NOT NULL DEFAULT (0), \"completedAt\" datetime(6), PRIMARY KEY (\"userId\", \"contentId\"))");
    await queryRunner.query("CREATE INDEX \"IDX_55bdd0ccbc8f82f9f76947266b\" ON \"study_progress\" (\"contentId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_55bdd0ccbc8f82f9f76947266b\"");
    await queryRunner.query("DROP TABLE \"study_progress\"");
    await queryRunner.query("DROP INDEX \"IDX_0c396631588e1298c53507812d\"");
    await queryRunner.query("DROP INDEX \"IDX_9bab20fdaf595938361192bb78\"");
    await queryRunner.query("DROP TABLE \"study_sessions\"");
    await queryRunner.query("DROP INDEX \"IDX_536cf3b545107a225ad4e49691\"");
    await queryRunner.query("DROP TABLE \"study_topics\"");
    await queryRunner.query("DROP TABLE \"study_courses\"");
    await queryRunner.query("DROP INDEX \"IDX_05577c6fcb5114ce4b3ebe3101\"");
    await queryRunner.query("DROP INDEX \"IDX_c2b27e7cda69926f094f75c707\"");
    await queryRunner.query("DROP TABLE \"study_contents\"");
    await queryRunner.query("DROP INDEX \"IDX_f7f1765a0097ef1262c03bee58\"");
    await queryRunner.query("DROP TABLE \"quiz_answers\"");
    await queryRunner.query("DROP INDEX \"IDX_9fab219ba22f5646394bb4e4eb\"");
    await queryRunner.query("DROP INDEX \"IDX_221a0e2a4e21fe30150b78d827\"");
    await queryRunner.query("DROP INDEX \"IDX_23f2bbe9288b221b1b37737278\"");
    await queryRunner.query("DROP TABLE \"quiz_attempts\"");
    await queryRunner.query("DROP TABLE \"quizzes\"");
    await queryRunner.query("DROP INDEX \"IDX_a6803ce58daceec74cd176257a\"");
    await queryRunner.query("DROP TABLE \"quiz_questions\"");
  }
}
