import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasePhotos1796667459018 implements MigrationInterface {
  name = 'CasePhotos1796667459018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `case_photos` (`id` varchar(26) NOT NULL, `caseId` varchar(26) NULL, `uploadedBy` varchar(26) NOT NULL, `phase` varchar(10) NOT NULL, `fileName` varchar(40) NOT NULL, `thumbFileName` varchar(40) NULL, `bytes` int NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_40f96543828dcad821aaab3951` (`uploadedBy`, `caseId`), INDEX `IDX_684c5b52e03ef562f4885530b8` (`caseId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_684c5b52e03ef562f4885530b8` ON `case_photos`");
    await queryRunner.query("DROP INDEX `IDX_40f96543828dcad821aaab3951` ON `case_photos`");
    await queryRunner.query("DROP TABLE `case_photos`");
  }
}
