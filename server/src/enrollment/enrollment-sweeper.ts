import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EnrollmentService } from './enrollment.service.js';

/** Periodically passes lapsed waitlist offers on. Safe on several instances: every step is a conditional update. */
@Injectable()
export class EnrollmentSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EnrollmentSweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly enrollment: EnrollmentService,
  ) {}

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.enrollment
        .sweep()
        .catch((e: unknown) => this.logger.error(`sweep failed: ${(e as Error).message}`))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.config.ENROLLMENT_SWEEP_MS);
    this.timer.unref();
  }
}
