/**
 * The one source of "now" for the server's rules. Production reads the wall clock; tests pin it to a
 * chosen instant (and may let it run on from there), so a rule that depends on the hour of the day is
 * tested at that hour rather than at whatever hour the suite happens to run.
 *
 * It is a module singleton (also provided to Nest as `Clock`) because rules in plain functions and
 * jobs need it as much as injected services do, and a test boots the server in its own process.
 */
export class Clock {
  /** Offset from the wall clock while travelling; null when reading the wall clock. */
  private offsetMs: number | null = null;
  private frozenAt: number | null = null;

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    if (this.frozenAt !== null) return this.frozenAt;
    return Date.now() + (this.offsetMs ?? 0);
  }

  /** Stops the clock at `at` until `pin` is called again or `reset`. */
  pin(at: Date): void {
    this.offsetMs = null;
    this.frozenAt = at.getTime();
  }

  /** Moves the clock to `at` and lets it run on from there (timeouts and leases still elapse). */
  travelTo(at: Date): void {
    this.frozenAt = null;
    this.offsetMs = at.getTime() - Date.now();
  }

  reset(): void {
    this.offsetMs = null;
    this.frozenAt = null;
  }
}

export const clock = new Clock();
