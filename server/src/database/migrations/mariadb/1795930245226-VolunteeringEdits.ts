import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VolunteeringEdits1795930245226 implements MigrationInterface {
  name = 'VolunteeringEdits1795930245226';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `volunteer_hours_corrections` (`id` varchar(26) NOT NULL, `hoursId` varchar(26) NOT NULL, `fromMinutes` int NOT NULL, `toMinutes` int NOT NULL, `fromHalfHours` int NOT NULL, `toHalfHours` int NOT NULL, `reason` varchar(100) NOT NULL, `correctedBy` varchar(26) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_1e419430a906d0923b9cc39fcf` (`hoursId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `volunteer_impact_records` (`id` varchar(26) NOT NULL, `campaignId` varchar(26) NOT NULL, `measure` varchar(30) NOT NULL, `achieved` int NOT NULL, `note` varchar(100) NULL, `recordedBy` varchar(26) NOT NULL, `recordedAt` datetime(6) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_98d8936f0a28f4cf72043cc881` (`campaignId`, `recordedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_98d8936f0a28f4cf72043cc881` ON `volunteer_impact_records`");
    await queryRunner.query("DROP TABLE `volunteer_impact_records`");
    await queryRunner.query("DROP INDEX `IDX_1e419430a906d0923b9cc39fcf` ON `volunteer_hours_corrections`");
    await queryRunner.query("DROP TABLE `volunteer_hours_corrections`");
  }
}
