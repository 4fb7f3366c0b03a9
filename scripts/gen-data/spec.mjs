// Loads @aws-cdk/aws-service-spec db.json.gz (a gzipped entity database) into plain lookups.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function loadSpec(dir) {
  const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'db.json.gz'))).toString('utf8'));
  const s = db.schema;
  const typeDefs = new Map(s.typeDefinition.entities.map((t) => [t.$id, t]));
  const resources = s.resource.entities;
  const namespaces = new Map();
  const docs = [];
  for (const r of resources) {
    const ns = r.cloudFormationType.split('::').slice(0, 2).join('::');
    if (!namespaces.has(ns)) namespaces.set(ns, []);
    const seg = r.arnTemplate?.split(':')[2];
    if (seg && !seg.includes('$')) namespaces.get(ns).push(seg);
    docs.push(r.documentation ?? '');
    for (const p of Object.values(r.properties ?? {})) docs.push(p.documentation ?? '');
  }
  for (const t of typeDefs.values()) for (const p of Object.values(t.properties ?? {})) docs.push(p.documentation ?? '');
  return { resources, typeDefs, namespaces, docsText: docs.join('\n') };
}
