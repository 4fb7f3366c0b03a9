// Builds data/mapping.json from the REVIEWED table (curated/tf-mapping.mjs). Fails if any target is
// missing from the Terraform data, so the table cannot silently drift from the pinned provider.
import { TF_MAPPING } from './curated/tf-mapping.mjs';

// Tokens the awscc provider keeps as one word when snake-casing resource names.
const AWSCC_WORDS = [['CloudFront', 'Cloudfront'], ['CloudWatch', 'Cloudwatch'], ['CloudFormation', 'Cloudformation'], ['FSx', 'Fsx'], ['OAuth2', 'Oauth2'], ['OTel', 'Otel']];

/** awscc_<service>_<resource>: service segment lower-cased whole, resource snake-cased splitting acronyms. */
export function awsccName(cfnType) {
  const [vendor, svc, res] = cfnType.split('::');
  if (vendor !== 'AWS' || svc === 'Serverless') return undefined;
  let r = res;
  for (const [from, to] of AWSCC_WORDS) r = r.split(from).join(to);
  const words = r.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [r];
  const snakeRes = words.map((w) => w.toLowerCase()).join('_').replace(/_(\d+)/g, '$1');
  return `awscc_${svc.toLowerCase()}_${snakeRes}`;
}

export function buildMapping({ cfnTypes, tfResources }) {
  const out = {};
  const errors = [];
  for (const cfnType of Object.keys(TF_MAPPING).sort()) {
    const raw = TF_MAPPING[cfnType];
    const m = typeof raw === 'string' ? { tf: [raw] } : { ...raw };
    if (!cfnTypes[cfnType]) errors.push(`unknown CloudFormation type ${cfnType}`);
    for (const t of m.tf) if (!tfResources[t]) errors.push(`${cfnType}: ${t} is not a hashicorp/aws resource`);
    const entry = { tf: m.tf };
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
  return out;
}
