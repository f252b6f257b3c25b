import { IsNull, LessThan, Or, type DataSource, type Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import type { TransactionRunner } from '../database/transaction-runner.js';
import { WechatAccessToken } from './wechat-access-token.entity.js';

/** Refresh when less than this is left, so a token never expires between our check and WeChat's. */
const FRESH_MARGIN_MS = 5 * 60_000;
/** A refresher's claim; the HTTP call times out after 5 s, so 10 s is never outlived by a live refresher. */
const LEASE_MS = 10_000;
const POLL_MS = 100;
const WAIT_LIMIT_MS = 15_000;
/** While another instance refreshes, an old token with this much left is still safe to hand out. */
const STILL_USABLE_MS = 30_000;

export interface FetchedToken {
  token: string;
  expiresInSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The app's access_token, shared by every server instance through the `wechat_access_tokens` row.
 * One refresher at a time: in this process by sharing one promise, across instances by a lease
 * (`refreshingUntil`) taken with a conditional UPDATE. The HTTP fetch runs outside any transaction.
 */
export class AccessTokenCache {
  private memo: { token: string; expiresAt: number } | null = null;
  private inflight: Promise<string> | null = null;
  private readonly repo: Repository<WechatAccessToken>;

  constructor(
    private readonly appid: string,
    dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly fetchToken: () => Promise<FetchedToken>,
  ) {
    this.repo = dataSource.getRepository(WechatAccessToken);
  }

  get(): Promise<string> {
    if (this.memo && this.memo.expiresAt - Date.now() > FRESH_MARGIN_MS) return Promise.resolve(this.memo.token);
    this.inflight ??= this.obtain().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** WeChat rejected `token`: mark it stale, unless another caller already replaced it. */
  async invalidate(token: string): Promise<void> {
    if (this.memo?.token === token) this.memo = null;
    await this.tx.run((em) => em.update(WechatAccessToken, { appid: this.appid, token }, { expiresAt: new Date(0) }));
  }

  private async obtain(): Promise<string> {
    const giveUpAt = Date.now() + WAIT_LIMIT_MS;
    let leaseError: unknown = null;
    for (;;) {
      const row = await this.repo.findOneBy({ appid: this.appid });
      const now = Date.now();
      const left = row ? row.expiresAt.getTime() - now : 0;
      if (row && left > FRESH_MARGIN_MS) return this.remember(row.token, row.expiresAt);
      let lease: Date | null = null;
      try {
        lease = await this.tryLease(row !== null, now);
      } catch (error) {
        // Lost the insert race (duplicate key) or the database was busy: both mean "someone else
        // is at it", so wait like any loser; only a failure that outlasts the wait is reported.
        leaseError = error;
      }
      if (lease) return this.refresh(lease);
      if (row && left > STILL_USABLE_MS) return row.token;
      if (now > giveUpAt) throw leaseError ?? new AppError('WECHAT_UNAVAILABLE');
      await sleep(POLL_MS);
    }
  }

  /** Claims the refresh for this instance; null (or a failed insert) when another instance got there first. */
  private async tryLease(rowExists: boolean, now: number): Promise<Date | null> {
    const lease = new Date(now + LEASE_MS);
    if (!rowExists) {
      // The primary key makes the first inserter the refresher; the others' inserts fail.
      await this.tx.run((em) =>
        em.insert(WechatAccessToken, { appid: this.appid, token: '', expiresAt: new Date(0), refreshingUntil: lease }),
      );
      return lease;
    }
    const result = await this.tx.run((em) =>
      em
        .createQueryBuilder()
        .update(WechatAccessToken)
        .set({ refreshingUntil: lease })
        .where({
          appid: this.appid,
          expiresAt: LessThan(new Date(now + FRESH_MARGIN_MS)),
          refreshingUntil: Or(IsNull(), LessThan(new Date(now))),
        })
        .execute(),
    );
    return result.affected === 1 ? lease : null;
  }

  private async refresh(lease: Date): Promise<string> {
    try {
      const startedAt = Date.now();
      const { token, expiresInSeconds } = await this.fetchToken();
      // Counted from before the request, so our expiry is never later than WeChat's.
      const expiresAt = new Date(startedAt + expiresInSeconds * 1000);
      await this.tx.run((em) => em.update(WechatAccessToken, { appid: this.appid }, { token, expiresAt, refreshingUntil: null }));
      return this.remember(token, expiresAt);
    } catch (error) {
      // Let the next caller (here or elsewhere) try at once instead of waiting out the lease.
      await this.tx
        .run((em) => em.update(WechatAccessToken, { appid: this.appid, refreshingUntil: lease }, { refreshingUntil: null }))
        .catch(() => undefined);
      throw error;
    }
  }

  private remember(token: string, expiresAt: Date): string {
    this.memo = { token, expiresAt: expiresAt.getTime() };
    return token;
  }
}
