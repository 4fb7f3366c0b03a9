// A phase of the crawl that idle-time work waits for (a warm start's restore, a cold crawl's phase 1): whether one
// is on now, and a promise that settles when none is. A newer crawl's phase replaces an older one's.

/** One crawl's run of the phase: `end` it exactly when that crawl leaves the phase (also on failure). */
export interface PhaseRun {
  readonly done: Promise<void>;
  readonly end: () => void;
}

export class CrawlPhase {
  private current: PhaseRun | undefined;

  /** Whether a crawl is in this phase now. */
  get active(): boolean {
    return this.current !== undefined;
  }

  /** Settles when no crawl is in this phase. */
  get settled(): Promise<void> {
    return this.current?.done ?? Promise.resolve();
  }

  /** A crawl enters the phase (ending an older crawl's run of it). */
  begin(): PhaseRun {
    this.end(this.current);
    let end!: () => void;
    const done = new Promise<void>((resolve) => (end = resolve));
    return (this.current = { done, end });
  }

  /** Ends `run` (settles its promise); the phase is over unless a newer crawl began its own run. */
  end(run: PhaseRun | undefined): void {
    run?.end();
    if (this.current === run) this.current = undefined;
  }
}
