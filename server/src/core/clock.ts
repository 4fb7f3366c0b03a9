// The core's one clock for time budgets. Node and browsers (workers included) both have the standard High Resolution
// Time API; it is declared here rather than through Node's types so that the core type-checks without them
// (tsconfig.core.json). Budgeted code takes a `now` parameter defaulting to this, so tests can inject a clock.
declare const performance: { now(): number };

export const monotonicNow = (): number => performance.now();
