import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityRatingModeration1795917848824 implements MigrationInterface {
  name = 'ActivityRatingModeration1795917848824';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `activity_ratings` ADD `commentStatus` enum ('none', 'visible', 'held') NOT NULL DEFAULT 'none'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `activity_ratings` DROP COLUMN `commentStatus`");
  }
}
