import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FamilyDues1795929987662 implements MigrationInterface {
  name = 'FamilyDues1795929987662';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `proxy_actions` CHANGE `action` `action` enum ('activity_signup', 'enrollment_cancel', 'checkin', 'inbox_read', 'resident_register', 'dues_payment') NOT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `proxy_actions` CHANGE `action` `action` enum ('activity_signup', 'enrollment_cancel', 'checkin', 'inbox_read', 'resident_register') NOT NULL");
  }
}
