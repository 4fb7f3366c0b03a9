// What is under an offset: the key path, key or value, and the innermost function call / `${}` reference.
import type { CfnIntrinsic, CfnLocation, CfnNode, CfnPair } from './types';

const within = (offset: number, r: { start: number; end: number }) => offset >= r.start && offset <= r.end;

export function nodeAt(root: CfnNode | undefined, intrinsics: readonly CfnIntrinsic[], text: string, offset: number): CfnLocation {
  const location: CfnLocation = { path: [], onKey: false, node: root };
  let node = root;
  while (node) {
    if (node.kind === 'mapping') {
      const pair = node.pairs.find((p) => within(offset, p.keyRange) || within(offset, p.range) || afterColon(p, text, offset));
      if (!pair) {
        // Inside a mapping but on no entry: a new key goes here.
        location.onKey = within(offset, node.range);
        break;
      }
      location.path.push(pair.key);
      location.pair = pair;
      if (within(offset, pair.keyRange)) {
        location.onKey = true;
        location.node = pair.value;
        break;
      }
      if (pair.value && isKeyBeingTyped(pair, text) && within(offset, pair.value.range)) {
        // `Properties:\n  Visibi|` parses as a multi-line scalar value, but the user is typing a key.
        location.path.push(String((pair.value as { value: unknown }).value));
        location.onKey = true;
        location.node = undefined;
        break;
      }
      location.node = pair.value;
      node = pair.value && within(offset, pair.value.range) ? pair.value : undefined;
    } else if (node.kind === 'sequence') {
      const index = node.items.findIndex((item) => within(offset, item.range));
      if (index < 0) break;
      location.path.push(index);
      node = node.items[index];
      location.node = node;
    } else {
      break;
    }
  }
  // Innermost call: intrinsics are sorted by start, outer before inner.
  for (const intrinsic of intrinsics) {
    if (intrinsic.range.start > offset) break;
    if (within(offset, intrinsic.range)) location.intrinsic = intrinsic;
  }
  location.subReference = location.intrinsic?.subReferences?.find((ref) => within(offset, ref.range));
  return location;
}

/** Offset on the same line after `Key:` with nothing typed yet. */
function afterColon(pair: CfnPair, text: string, offset: number): boolean {
  if (offset < pair.keyRange.end) return false;
  return /^[ \t]*:[ \t]*$/.test(text.slice(pair.keyRange.end, offset));
}

function isKeyBeingTyped(pair: CfnPair, text: string): boolean {
  const value = pair.value;
  if (!value || value.kind !== 'scalar' || value.quoted || value.tag || typeof value.value !== 'string') return false;
  if (value.value.includes(' ') || value.value.includes(':')) return false;
  return text.slice(pair.keyRange.end, value.range.start).includes('\n');
}
