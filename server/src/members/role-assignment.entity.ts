import { Column, Entity, Index } from 'typeorm';
import { ROLES, type Role } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn } from '../database/columns.js';

/** A role held on a node; it reaches the node's whole subtree. */
@Entity('role_assignments')
@Index(['userId', 'role', 'nodeId'], { unique: true })
@Index(['nodeId'])
export class RoleAssignment {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Column({ type: 'simple-enum', enum: ROLES }) role: Role;
  @RefColumn() nodeId: string;
  @RefColumn({ nullable: true }) grantedBy: string | null;
  @CreatedAt() createdAt: Date;
}
