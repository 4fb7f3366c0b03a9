// Property-test parameters: a FIXED seed and few runs in `npm test` (CI reproducible); `npm run fuzz`
// (scripts/fuzz.mjs) sets FUZZ_SEED to a random seed and FUZZ_RUNS to many.
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261121;

/** fast-check parameters: `ciRuns` runs unless FUZZ_RUNS says otherwise. */
export function params(ciRuns: number): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns: process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : ciRuns };
}

/** A per-input time bound that only catches hangs and pathological slowness (never tight). */
export const HANG_MS = 1500;
