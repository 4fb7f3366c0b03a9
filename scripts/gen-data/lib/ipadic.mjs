// Word costs from the IPADIC dictionary that kuromoji ships (dict/*.dat.gz), read without kuromoji's async loader:
// a double-array trie of surface forms (base/check), a map from trie ids to token ids (tid_map), and each token's
// cost (tid: int16 left id, int16 right id, int16 cost, int32 pos, little-endian). A lower cost is a more common
// word. Used only to rank and filter spelling variants of loanwords (データ before データー; イヴェント dropped).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

const gunzip = (file) => {
  const b = zlib.gunzipSync(fs.readFileSync(file));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

/** `kuromojiDir`: the extracted kuromoji package; `doublearrayDir`: the extracted doublearray package it depends on. */
export function loadIpadicCosts(kuromojiDir, doublearrayDir) {
  const require = createRequire(import.meta.url);
  const doublearray = require(path.join(doublearrayDir, 'doublearray.js'));
  const dict = path.join(kuromojiDir, 'dict');
  const trie = doublearray.load(new Int32Array(gunzip(path.join(dict, 'base.dat.gz'))), new Int32Array(gunzip(path.join(dict, 'check.dat.gz'))));
  const tokens = new DataView(gunzip(path.join(dict, 'tid.dat.gz')));
  const mapView = new DataView(gunzip(path.join(dict, 'tid_map.dat.gz')));
  const targets = new Map();
  for (let p = 4; p + 8 <= mapView.byteLength; ) {
    const key = mapView.getInt32(p, true);
    const n = mapView.getInt32(p + 4, true);
    p += 8;
    const ids = [];
    for (let i = 0; i < n; i++, p += 4) ids.push(mapView.getInt32(p, true));
    targets.set(key, ids);
  }
  /** The lowest cost of a surface form as one IPADIC word, or undefined when IPADIC does not have it. */
  return (surface) => {
    const id = trie.lookup(surface);
    if (id < 0) return undefined;
    const ids = targets.get(id);
    if (!ids?.length) return undefined;
    return Math.min(...ids.map((t) => tokens.getInt16(t + 4, true)));
  };
}
