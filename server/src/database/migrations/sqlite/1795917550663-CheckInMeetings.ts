import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckInMeetings1795917550663 implements MigrationInterface {
  name = 'CheckInMeetings1795917550663';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"check_ins\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"targetType\" varchar(16) NOT NULL, \"targetId\" varchar(26) NOT NULL, \"userId\" varchar(26) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('present','late') ) NOT NULL, \"method\" varchar CHECK( \"method\" IN ('qr','geofence','assisted') ) NOT NULL, \"nonce\" varchar(64), \"checkedInAt\" datetime(6) NOT NULL, \"assistedBy\" varchar(26), \"reason\" varchar(100), \"distanceM\" integer, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_76d2df8d310fc95ba86752389c\" ON \"check_ins\" (\"userId\", \"nonce\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3321f65ce1d436d7fec3cf3e42\" ON \"check_ins\" (\"targetType\", \"targetId\", \"userId\") ");
    await queryRunner.query("CREATE TABLE \"check_in_keys\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"targetType\" varchar(16) NOT NULL, \"targetId\" varchar(26) NOT NULL, \"secret\" varchar(64) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_8fe2266e5f945596aaf71d1116\" ON \"check_in_keys\" (\"targetType\", \"targetId\") ");
    await queryRunner.query("CREATE TABLE \"meetings\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"nodeId\" varchar(26) NOT NULL, \"nodePath\" varchar(300) NOT NULL, \"branchId\" varchar(26) NOT NULL, \"groupId\" varchar(26), \"type\" varchar(32) NOT NULL, \"title\" varchar(60) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('scheduled','closed','cancelled') ) NOT NULL, \"startsAt\" datetime(6) NOT NULL, \"endsAt\" datetime(6) NOT NULL, \"address\" varchar(120) NOT NULL, \"lat\" double, \"lng\" double, \"radiusM\" integer, \"allowGeofence\" boolean NOT NULL, \"lateGraceMinutes\" integer NOT NULL, \"hostUserId\" varchar(26), \"recorderUserId\" varchar(26), \"agenda\" text NOT NULL, \"minutes\" text NOT NULL, \"resolutions\" text NOT NULL, \"closedAt\" datetime(6), \"createdBy\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_c6104cbc63b684d894e300aaea\" ON \"meetings\" (\"branchId\", \"startsAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7b5fc721ed8431574afc14e2ff\" ON \"meetings\" (\"nodePath\") ");
    await queryRunner.query("CREATE TABLE \"meeting_invitees\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"meetingId\" varchar(26) NOT NULL, \"userId\" varchar(26) NOT NULL, \"attendance\" varchar CHECK( \"attendance\" IN ('pending','present','late','leave','absent') ) NOT NULL, \"leaveStatus\" varchar CHECK( \"leaveStatus\" IN ('none','requested','approved','rejected') ) NOT NULL, \"leaveReason\" varchar(200), \"leaveDecidedBy\" varchar(26), \"leaveNote\" varchar(200), \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_5d3f59b686661be1be7df3c8dc\" ON \"meeting_invitees\" (\"userId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c729456982270fb1c03d52f038\" ON \"meeting_invitees\" (\"meetingId\", \"userId\") ");
    await queryRunner.query("CREATE TABLE \"meeting_photos\" (\"id\" varchar(26) PRIMARY KEY NOT NULL, \"meetingId\" varchar(26) NOT NULL, \"fileName\" varchar(64) NOT NULL, \"mime\" varchar(16) NOT NULL, \"bytes\" integer NOT NULL, \"uploadedBy\" varchar(26) NOT NULL, \"createdAt\" datetime(6) NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_23cd36a5bb6b5617de216f2be3\" ON \"meeting_photos\" (\"meetingId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_23cd36a5bb6b5617de216f2be3\"");
    await queryRunner.query("DROP TABLE \"meeting_photos\"");
    await queryRunner.query("DROP INDEX \"IDX_c729456982270fb1c03d52f038\"");
    await queryRunner.query("DROP INDEX \"IDX_5d3f59b686661be1be7df3c8dc\"");
    await queryRunner.query("DROP TABLE \"meeting_invitees\"");
    await queryRunner.query("DROP INDEX \"IDX_7b5fc721ed8431574afc14e2ff\"");
    await queryRunner.query("DROP INDEX \"IDX_c6104cbc63b684d894e300aaea\"");
    await queryRunner.query("DROP TABLE \"meetings\"");
    await queryRunner.query("DROP INDEX \"IDX_8fe2266e5f945596aaf71d1116\"");
    await queryRunner.query("DROP TABLE \"check_in_keys\"");
    await queryRunner.query("DROP INDEX \"IDX_3321f65ce1d436d7fec3cf3e42\"");
    await queryRunner.query("DROP INDEX \"IDX_76d2df8d310fc95ba86752389c\"");
    await queryRunner.query("DROP TABLE \"check_ins\"");
  }
}
