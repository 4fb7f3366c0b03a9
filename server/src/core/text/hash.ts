// FNV-1a (32-bit) over UTF-16 code units: a cheap, stable fingerprint (data checksums, held-out quarters, whether a
// note changed between two reads). Not for security.
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
