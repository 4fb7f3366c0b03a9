export function generateSeedsNote(i: number, seed?: number): string;
