import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StudyQuizzes1795917613180 implements MigrationInterface {
  name = 'StudyQuizzes1795917613180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `quiz_questions` (`id` varchar(26) NOT NULL, `kind` enum ('single', 'multiple', 'judge') NOT NULL, `category` varchar(10) NOT NULL, `stem` varchar(300) NOT NULL, `options` text NOT NULL, `answer` text NOT NULL, `explanation` varchar(500) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_a6803ce58daceec74cd176257a` (`category`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `quizzes` (`id` varchar(26) NOT NULL, `kind` enum ('daily', 'weekly', 'special', 'challenge') NOT NULL, `title` varchar(60) NOT NULL, `branchId` varchar(26) NULL, `questionIds` text NOT NULL, `opensAt` datetime(6) NOT NULL, `deadline` datetime(6) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `quiz_attempts` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `kind` enum ('daily', 'weekly', 'special', 'challenge') NOT NULL, `quizId` varchar(26) NULL, `uniqueKey` varchar(80) NOT NULL, `questionIds` text NOT NULL, `answeredCount` int NOT NULL DEFAULT '0', `correctCount` int NOT NULL DEFAULT '0', `currentIndex` int NOT NULL DEFAULT '0', `servedAt` datetime(6) NULL, `startedAt` datetime(6) NOT NULL, `deadline` datetime(6) NULL, `finishedAt` datetime(6) NULL, `points` int NOT NULL DEFAULT '0', `pointsCapped` tinyint NOT NULL DEFAULT 0, INDEX `IDX_23f2bbe9288b221b1b37737278` (`quizId`), INDEX `IDX_221a0e2a4e21fe30150b78d827` (`userId`, `startedAt`), UNIQUE INDEX `IDX_9fab219ba22f5646394bb4e4eb` (`uniqueKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `quiz_answers` (`id` varchar(26) NOT NULL, `attemptId` varchar(26) NOT NULL, `questionId` varchar(26) NOT NULL, `choice` text NOT NULL, `correct` tinyint NOT NULL, `answeredAt` datetime(6) NOT NULL, UNIQUE INDEX `IDX_f7f1765a0097ef1262c03bee58` (`attemptId`, `questionId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `study_contents` (`id` varchar(26) NOT NULL, `kind` enum ('article', 'video', 'audio') NOT NULL, `title` varchar(80) NOT NULL, `summary` varchar(200) NOT NULL DEFAULT '', `category` varchar(10) NOT NULL, `body` text NOT NULL, `mediaUrl` varchar(300) NULL, `coverUrl` varchar(300) NULL, `durationSeconds` int NULL, `courseId` varchar(26) NULL, `lessonOrder` int NULL, `publishedAt` datetime(6) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_c2b27e7cda69926f094f75c707` (`courseId`, `lessonOrder`), INDEX `IDX_05577c6fcb5114ce4b3ebe3101` (`publishedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `study_courses` (`id` varchar(26) NOT NULL, `title` varchar(80) NOT NULL, `summary` varchar(200) NOT NULL DEFAULT '', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `study_topics` (`id` varchar(26) NOT NULL, `title` varchar(60) NOT NULL, `description` varchar(500) NOT NULL DEFAULT '', `branchId` varchar(26) NOT NULL, `deadline` datetime(6) NOT NULL, `contentIds` text NOT NULL, `quizId` varchar(26) NULL, `createdBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_536cf3b545107a225ad4e49691` (`branchId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `study_sessions` (`id` varchar(26) NOT NULL, `userId` varchar(26) NOT NULL, `activeUserId` varchar(26) NULL, `contentId` varchar(26) NOT NULL, `startedAt` datetime(6) NOT NULL, `lastBeatAt` datetime(6) NOT NULL, `lastSeq` int NOT NULL DEFAULT '0', `lastPosition` int NULL, `effectiveSeconds` int NOT NULL DEFAULT '0', `closedAt` datetime(6) NULL, INDEX `IDX_9bab20fdaf595938361192bb78` (`userId`, `startedAt`), UNIQUE INDEX `IDX_0c396631588e1298c53507812d` (`activeUserId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `study_progress` (`userId` varchar(26) NOT NULL, `contentId` varchar(26) NOT NULL, `effectiveSeconds` int NOT NULL DEFAULT '0', `completedAt` datetime(6) NULL, INDEX `IDX_55bdd0ccbc8f82f9f76947266b` (`contentId`), PRIMARY KEY (`userId`, `contentId`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_55bdd0ccbc8f82f9f76947266b` ON `study_progress`");
    await queryRunner.query("DROP TABLE `study_progress`");
    await queryRunner.query("DROP INDEX `IDX_0c396631588e1298c53507812d` ON `study_sessions`");
    await queryRunner.query("DROP INDEX `IDX_9bab20fdaf595938361192bb78` ON `study_sessions`");
    await queryRunner.query("DROP TABLE `study_sessions`");
    await queryRunner.query("DROP INDEX `IDX_536cf3b545107a225ad4e49691` ON `study_topics`");
    await queryRunner.query("DROP TABLE `study_topics`");
    await queryRunner.query("DROP TABLE `study_courses`");
    await queryRunner.query("DROP INDEX `IDX_05577c6fcb5114ce4b3ebe3101` ON `study_contents`");
    await queryRunner.query("DROP INDEX `IDX_c2b27e7cda69926f094f75c707` ON `study_contents`");
    await queryRunner.query("DROP TABLE `study_contents`");
    await queryRunner.query("DROP INDEX `IDX_f7f1765a0097ef1262c03bee58` ON `quiz_answers`");
    await queryRunner.query("DROP TABLE `quiz_answers`");
    await queryRunner.query("DROP INDEX `IDX_9fab219ba22f5646394bb4e4eb` ON `quiz_attempts`");
    await queryRunner.query("DROP INDEX `IDX_221a0e2a4e21fe30150b78d827` ON `quiz_attempts`");
    await queryRunner.query("DROP INDEX `IDX_23f2bbe9288b221b1b37737278` ON `quiz_attempts`");
    await queryRunner.query("DROP TABLE `quiz_attempts`");
    await queryRunner.query("DROP TABLE `quizzes`");
    await queryRunner.query("DROP INDEX `IDX_a6803ce58daceec74cd176257a` ON `quiz_questions`");
    await queryRunner.query("DROP TABLE `quiz_questions`");
  }
}
