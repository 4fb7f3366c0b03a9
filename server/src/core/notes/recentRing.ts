// A bounded "recently built" cache: holds the last few values handed to it and releases the oldest as new ones come.
// Used for sections rebuilt from packed columns (notesIndex.ts), which were held by a WeakRef before: V8's young-
// generation collector keeps a WeakRef's target alive, so every ranking's rebuilt sections were promoted to the old
// generation and lay there as garbage until a full collection, which the request thread makes rarely while crawling.

export class RecentRing {
  private readonly releases: ((() => void) | undefined)[];
  private next = 0;

  constructor(size: number) {
    this.releases = new Array(size);
  }

  /** Keeps a value (its holder clears it in `release`) until `size` more are kept. */
  keep(release: () => void): void {
    this.releases[this.next]?.();
    this.releases[this.next] = release;
    this.next = (this.next + 1) % this.releases.length;
  }
}
