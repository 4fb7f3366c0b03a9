// Builds data/mapping.json from the REVIEWED table (curated/tf-mapping.mjs). Fails if any target is
// missing from the Terraform data, so the table cannot silently drift from the pinned provider.
// Reviewed pairs first ("reviewed"); every other AWS:: type gets a derived pair when the evidence clears the
// threshold ("matched by name and schema", with its evidence), else kind "none"; all get their awscc name.
// Runs under tsx (npm run gen:data) so the derivation is the same TypeScript the held-out test measures.
import { TF_MAPPING } from './curated/tf-mapping.mjs';
import { awsccName, deriveTfToCfn, deriveTypeEquivalents } from '../../server/src/core/knowledge/typesDerive.ts';

// The awscc naming rule lives with the derivation in the core (one copy); re-exported for older callers.
export { awsccName };

export function buildMapping({ cfnTypes, tfResources, services }) {
  const out = {};
  const errors = [];
  for (const cfnType of Object.keys(TF_MAPPING).sort()) {
    const raw = TF_MAPPING[cfnType];
    const m = typeof raw === 'string' ? { tf: [raw] } : { ...raw };
    if (!cfnTypes[cfnType]) errors.push(`unknown CloudFormation type ${cfnType}`);
    for (const t of m.tf) if (!tfResources[t]) errors.push(`${cfnType}: ${t} is not a hashicorp/aws resource`);
    const entry = { tf: m.tf, provenance: 'reviewed' };
    const awscc = awsccName(cfnType);
    if (awscc) entry.awscc = awscc;
    entry.kind = m.kind ?? (m.tf.length ? 'one-to-one' : 'none');
    if (m.note) entry.note = m.note;
    // Properties go to data/property-map.json (propertyMap.mjs), parsed into structured form.
    if (m.refAttr) entry.refAttr = m.refAttr;
    if (m.attributes) entry.attributes = m.attributes;
    out[cfnType] = entry;
  }
  if (errors.length) throw new Error('mapping review table is inconsistent:\n' + errors.join('\n'));
  const { matches } = deriveTypeEquivalents({ cfnTypes, tfResources, services, reviewed: out });
  for (const cfnType of Object.keys(cfnTypes).sort()) {
    if (out[cfnType] || !cfnType.startsWith('AWS::')) continue;
    const derived = matches[cfnType];
    const entry = derived ? { tf: [derived.tf], provenance: 'derived', score: derived.score, evidence: derived.evidence } : { tf: [] };
    const awscc = awsccName(cfnType);
    if (awscc) entry.awscc = awscc;
    entry.kind = derived ? 'one-to-one' : 'none';
    out[cfnType] = entry;
  }
  // Terraform -> CloudFormation for hashicorp/aws resources no type names (aws_servicecatalog_constraint):
  // kept on the CloudFormation entry as `fromTf` (one table, read whole), many-to-one allowed.
  const taken = new Set(Object.values(out).flatMap((e) => e.tf));
  for (const [tf, r] of Object.entries(deriveTfToCfn({ cfnTypes, tfResources, services, reviewed: reviewedOnly(out) }, taken))) {
    for (const cfnType of r.cfn) {
      const entry = out[cfnType];
      // A type that says "none" while the Terraform side names it has that resource as its equivalent: one-to-one,
      // or many-to-one when it stands for several (aws_servicecatalog_constraint for the three constraint types).
      // Not for a general form or an analogy beside a type's own counterpart (those stay `fromTf`).
      if (!entry.tf.length && !entry.fromTf && !r.evidence.generalOf) {
        Object.assign(entry, { tf: [tf], provenance: 'derived', score: r.score, evidence: r.evidence, kind: r.cfn.length > 1 ? 'many-to-one' : 'one-to-one' });
        continue;
      }
      (entry.fromTf ??= {})[tf] = { score: r.score, evidence: r.evidence };
    }
  }
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

function reviewedOnly(out) {
  return Object.fromEntries(Object.entries(out).filter(([, e]) => e.provenance === 'reviewed'));
}
