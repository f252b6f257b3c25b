import { Column, Entity, Index } from 'typeorm';
import { ORG_KINDS, type OrgKind } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn } from '../database/columns.js';

/**
 * One node of either organisation tree. `path` is the chain of ids from the root, each followed by
 * '/', so a subtree is `path LIKE '<node path>%'` — the single primitive the authorisation scope uses.
 */
@Entity('org_nodes')
@Index(['path'])
@Index(['parentId'])
export class OrgNode {
  @IdColumn() id: string;
  @Column({ type: 'simple-enum', enum: ORG_KINDS }) kind: OrgKind;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @RefColumn({ nullable: true }) parentId: string | null;
  @Column({ type: 'varchar', length: 300 }) path: string;
  @Column({ type: 'int' }) depth: number;
  /** Contact for the node (the grid worker of a grid, the secretary of a branch), a user id. */
  @RefColumn({ nullable: true }) contactUserId: string | null;
  @CreatedAt() createdAt: Date;
}
