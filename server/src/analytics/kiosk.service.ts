import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addDays, beijingDay, type CreateKioskLinkRequest, type DashboardView, type KioskLinkView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { clock } from '../common/clock.js';
import { newId, newSecret } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { OrgRepository } from '../organizations/org.repository.js';
import type { KioskLink } from './analytics.entities.js';
import { DashboardService } from './dashboard.service.js';
import { KioskRepository } from './kiosk.repository.js';

const HOUR_MS = 3_600_000;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
/** 大屏 shows the last 30 days by day: a fixed, aggregate-only view. */
const KIOSK_DAYS = 30;

/**
 * Read-only 大屏 links. The token is 256 random bits shown once; only its hash is stored, so a
 * leaked database does not open screens. A link reaches one node's aggregates until it expires or
 * is revoked, and never a person.
 */
@Injectable()
export class KioskService {
  constructor(
    private readonly repo: KioskRepository,
    private readonly dashboards: DashboardService,
    private readonly org: OrgRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async create(actor: Actor, dto: CreateKioskLinkRequest): Promise<KioskLinkView> {
    const node = await this.dashboards.nodeInScope(actor, dto.nodeId);
    const token = newSecret(32);
    const now = clock.now();
    const link: KioskLink = { id: newId(), tokenHash: hash(token), nodeId: node.id, path: node.path, title: dto.title ?? null, createdBy: actor.userId, expiresAt: new Date(now.getTime() + dto.hours * HOUR_MS), revokedAt: null, revokedBy: null, createdAt: now };
    await this.tx.run((em) => this.repo.insert(em, link));
    return { ...this.toView(link, node.name), token };
  }

  async mine(actor: Actor): Promise<KioskLinkView[]> {
    await this.dashboards.roots(actor); // refuses callers without a dashboard (ANALYTICS_STAFF_ONLY)
    const links = await this.repo.byCreator(actor.userId);
    const names = new Map((await this.org.findNodes([...new Set(links.map((l) => l.nodeId))])).map((n) => [n.id, n.name]));
    return links.map((l) => this.toView(l, names.get(l.nodeId) ?? ''));
  }

  /** The creator revokes, or anyone whose dashboard scope covers the link's node. */
  async revoke(actor: Actor, id: string): Promise<void> {
    const link = await this.repo.find(id);
    if (!link) throw AppError.notFound();
    if (link.createdBy !== actor.userId) await this.dashboards.nodeInScope(actor, link.nodeId).catch(() => { throw AppError.notFound(); });
    if (!link.revokedAt) await this.tx.run((em) => this.repo.revoke(em, id, actor.userId, clock.now()));
  }

  async view(token: string): Promise<DashboardView> {
    const link = token.length >= 20 && token.length <= 100 ? await this.repo.byHash(hash(token)) : null;
    if (!link) throw new AppError('KIOSK_LINK_INVALID');
    if (link.revokedAt) throw new AppError('KIOSK_LINK_REVOKED');
    if (link.expiresAt.getTime() <= clock.nowMs()) throw new AppError('KIOSK_LINK_EXPIRED');
    const node = await this.org.findNode(link.nodeId);
    if (!node) throw new AppError('KIOSK_LINK_INVALID');
    const to = beijingDay(clock.now());
    const view = await this.dashboards.compute({ node, from: addDays(to, -(KIOSK_DAYS - 1)), to, grain: 'day' });
    return { ...view, node: { ...view.node, name: link.title ?? view.node.name } };
  }

  private toView(l: KioskLink, nodeName: string): KioskLinkView {
    return { id: l.id, nodeId: l.nodeId, nodeName, title: l.title, expiresAt: l.expiresAt.toISOString(), revokedAt: l.revokedAt?.toISOString() ?? null };
  }
}
