export function rng(seed: number): { next(): number; int(n: number): number; pick<T>(arr: readonly T[]): T; chance(p: number): boolean };
export function generateNote(i: number, seed?: number): string;
export function uniqueHeading(seed: number): string;
export function notePath(dir: string, i: number): string;
export const PROFILES: Record<'seeds' | 'synthetic', (i: number, seed?: number) => string>;
export function writeCorpus(dir: string, count: number, seed?: number, profile?: 'seeds' | 'synthetic'): { count: number; seed: number; bytes: number; last: string; unique: string; profile: string };
