import { Column, Entity, Index } from 'typeorm';
import { PROXY_ACTIONS, PROXY_CONSENTS, ROLES, type ProxyAction, type ProxyConsentKind, type Role } from '@honglin/shared';
import { CreatedAt, IdColumn, RefColumn } from '../database/columns.js';

/**
 * 代办记录: one action taken by someone for someone else, written in the same transaction as the action.
 * Append-only: the person acted for reads it as their history.
 */
@Entity('proxy_actions')
@Index(['subjectUserId', 'createdAt'])
@Index(['actorUserId', 'createdAt'])
@Index(['targetType', 'targetId'])
export class ProxyActionRecord {
  @IdColumn() id: string;
  @RefColumn() actorUserId: string;
  @RefColumn() subjectUserId: string;
  @Column({ type: 'simple-enum', enum: PROXY_ACTIONS }) action: ProxyAction;
  @Column({ type: 'varchar', length: 16 }) targetType: string;
  @RefColumn() targetId: string;
  /** What it was at the time (an activity's title): the history reads the same after renames. */
  @Column({ type: 'varchar', length: 60 }) targetTitle: string;
  @Column({ type: 'simple-enum', enum: PROXY_CONSENTS }) consent: ProxyConsentKind;
  /** Family consent: the link that was active. */
  @RefColumn({ nullable: true }) familyLinkId: string | null;
  /** Organiser consent: the managing role the actor held over the person, and why they acted. */
  @Column({ type: 'simple-enum', enum: ROLES, nullable: true }) actorRole: Role | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) reason: string | null;
  @CreatedAt() createdAt: Date;
}
