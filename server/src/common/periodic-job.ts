import type { LoggerService } from '@nestjs/common';

/**
 * Runs `work` every `intervalMs` after the previous run finished (never two at once), survives
 * failures by logging them, and stops cleanly: `stop()` waits for a run in progress. The timer is
 * unref'd so it never keeps a process alive on its own.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Pick<LoggerService, 'error'>,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .catch((e: unknown) => this.logger.error(`${this.name} failed: ${(e as Error).message}`))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.intervalMs);
    this.timer.unref();
  }
}
