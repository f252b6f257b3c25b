import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsIndexes1796672181513 implements MigrationInterface {
  name = 'AnalyticsIndexes1796672181513';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_1a17e0678b5e7dcc374e877ea4` ON `care_visits` (`visitedAt`)");
    await queryRunner.query("CREATE INDEX `IDX_278da5bc3d4840cd84de247c0c` ON `volunteer_hours` (`checkInAt`)");
    await queryRunner.query("CREATE INDEX `IDX_a454d1eb17276c8e4ed1776ca5` ON `volunteer_hours` (`updatedAt`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_a454d1eb17276c8e4ed1776ca5` ON `volunteer_hours`");
    await queryRunner.query("DROP INDEX `IDX_278da5bc3d4840cd84de247c0c` ON `volunteer_hours`");
    await queryRunner.query("DROP INDEX `IDX_1a17e0678b5e7dcc374e877ea4` ON `care_visits`");
  }
}
