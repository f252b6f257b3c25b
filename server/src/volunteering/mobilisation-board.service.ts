import { Injectable } from '@nestjs/common';
import type { BoardCounts, MobilisationBoard } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { assertManages } from '../common/scope.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { MobilisationRepository, type BoardRow } from './mobilisation.repository.js';
import { MobilisationService } from './mobilisation.service.js';

const empty = (): BoardCounts => ({ targeted: 0, delivered: 0, read: 0, accepted: 0, declined: 0, full: 0, silent: 0 });

/**
 * The organiser's live board. Delivery and reading come from the notification outbox and inbox rows
 * of the call (no second delivery table); an answer counts as read too, since answering needs reading.
 */
@Injectable()
export class MobilisationBoardService {
  constructor(
    private readonly repo: MobilisationRepository,
    private readonly nodes: CampaignsRepository,
    private readonly calls: MobilisationService,
  ) {}

  async board(actor: Actor, id: string): Promise<MobilisationBoard> {
    const call = await this.repo.call(id);
    if (!call) throw AppError.notFound();
    assertManages(actor, call.nodePath);
    const rows = await this.repo.board(id);
    const overall = empty();
    const grids = new Map<string | null, BoardCounts>();
    const branches = new Map<string | null, BoardCounts>();
    for (const r of rows) {
      add(overall, r);
      add(get(grids, r.gridId), r);
      add(get(branches, r.branchId), r);
    }
    const names = new Map((await this.nodes.nodes([...grids.keys(), ...branches.keys()].filter((k): k is string => !!k))).map((n) => [n.id, n.name]));
    const named = (m: Map<string | null, BoardCounts>, none: string) =>
      [...m.entries()].map(([k, v]) => ({ id: k, name: k ? (names.get(k) ?? '') : none, ...v })).sort((a, b) => b.targeted - a.targeted);
    return {
      call: await this.calls.view(actor, id),
      overall,
      byGrid: named(grids, '网格外'),
      byBranch: named(branches, '非党员'),
      responseRate: overall.targeted ? Math.round(((overall.targeted - overall.silent) / overall.targeted) * 1000) / 1000 : 0,
      timeToFillSeconds: call.filledAt ? Math.round((call.filledAt.getTime() - call.createdAt.getTime()) / 1000) : null,
      remindedAt: call.remindedAt?.toISOString() ?? null,
    };
  }
}

function get(m: Map<string | null, BoardCounts>, k: string | null): BoardCounts {
  let v = m.get(k);
  if (!v) m.set(k, (v = empty()));
  return v;
}

function add(c: BoardCounts, r: BoardRow): void {
  c.targeted += r.n;
  if (r.delivered) c.delivered += r.n;
  if (r.read || r.answer !== 'none') c.read += r.n;
  if (r.answer === 'accepted') c.accepted += r.n;
  else if (r.answer === 'declined') c.declined += r.n;
  else if (r.answer === 'full') c.full += r.n;
  else c.silent += r.n;
}
