// Builds data/cfn-types.json from the aws-service-spec database (+ cfnspec for legacy doc URLs).
import path from 'node:path';
import { REF_RETURNS, SERVERLESS, VPC_TYPES } from './curated/cfn.mjs';
import { firstSentence, readJson } from './lib/util.mjs';

const DOC = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/';
const ACRONYMS = { Arn: 'ARN', Url: 'URL', Id: 'ID', Ip: 'IP', Dns: 'DNS', Api: 'API', Db: 'DB', Kms: 'KMS', Vpc: 'VPC' };

export function typeString(t, typeDefs) {
  switch (t.type) {
    case 'string': return 'String';
    case 'integer': return 'Integer';
    case 'number': return 'Double';
    case 'boolean': return 'Boolean';
    case 'json': return 'Json';
    case 'date-time': return 'Timestamp';
    case 'tag': return 'Tag';
    case 'null': return 'Null';
    case 'array': return t.element.type === 'tag' ? 'Tags' : `List<${typeString(t.element, typeDefs)}>`;
    case 'map': return `Map<${typeString(t.element, typeDefs)}>`;
    case 'ref': return typeDefs.get(t.reference.$ref)?.name ?? 'Object';
    case 'union': return t.types.map((x) => typeString(x, typeDefs)).join('|');
    default: return t.type ?? 'Object';
  }
}

function humanize(identifier) {
  return identifier
    .split(/(?<=[a-z0-9])(?=[A-Z])/)
    .map((w) => ACRONYMS[w] ?? w.toLowerCase())
    .join(' ');
}

export function buildCfnTypes({ spec, cfnspecDir, cfnOwner }) {
  const legacy = readJson(path.join(cfnspecDir, 'spec/specification.json')).ResourceTypes;
  const vpcTypes = new Set(VPC_TYPES);
  const types = {};
  const unowned = [];
  for (const r of [...spec.resources].sort((a, b) => a.cloudFormationType.localeCompare(b.cloudFormationType))) {
    const name = r.cloudFormationType;
    const [, svc, res] = name.split('::');
    const service = vpcTypes.has(name) ? 'vpc' : cfnOwner.get(`AWS::${svc}`) ?? cfnOwner.get(name.split('::').slice(0, 2).join('::'));
    if (!service) unowned.push(name);
    const properties = {};
    for (const [pname, p] of Object.entries(r.properties ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      const prop = { type: typeString(p.type, spec.typeDefs) };
      if (p.required) prop.required = true;
      const d = firstSentence(p.documentation, 80);
      if (d) prop.description = d;
      const allowed = p.type.allowedValues ?? (p.type.type === 'array' ? p.type.element?.allowedValues : undefined);
      if (allowed?.length) prop.allowed = allowed;
      properties[pname] = prop;
    }
    const legacyDoc = legacy[name]?.Documentation?.match(/\/(aws-properties-[^/#]+\.html)/)?.[1];
    const extra = SERVERLESS[name];
    const ref = REF_RETURNS[name] ?? (r.cfnRefIdentifier?.length === 1 ? humanize(r.cfnRefIdentifier[0]) : r.primaryIdentifier?.length === 1 ? humanize(r.primaryIdentifier[0]) : undefined);
    // "The `AWS::SQS::Queue` resource creates ..." -> "Creates ...": the type name is already the key.
    const description = firstSentence(extra?.description ?? r.documentation, 120)?.replace(/^The [A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+ resource (\w)/, (_, c) => c.toUpperCase());
    // The standard doc URL is left out on disk (the loader derives it: defaultCfnDocUrl); only exceptions are stored.
    const docUrl = extra?.docUrl ?? (legacyDoc ? DOC + legacyDoc : undefined);
    types[name] = {
      service: service ?? '',
      ...(description ? { description } : {}),
      ...(docUrl ? { docUrl } : {}),
      properties: extra?.properties && !Object.keys(properties).length ? extra.properties : properties,
      attributes: [...new Set([...Object.keys(r.attributes ?? {}), ...(extra?.attributes ?? [])])].sort(),
      ...(ref ? { refReturns: ref } : {}),
    };
  }
  for (const [name, extra] of Object.entries(SERVERLESS)) {
    if (types[name]) continue;
    types[name] = {
      service: cfnOwner.get('AWS::Serverless') ?? 'cloudformation', description: extra.description, docUrl: extra.docUrl,
      properties: extra.properties ?? {}, attributes: extra.attributes, ...(REF_RETURNS[name] ? { refReturns: REF_RETURNS[name] } : {}),
    };
  }
  const sorted = Object.fromEntries(Object.keys(types).sort().map((k) => [k, types[k]]));
  return { types: sorted, unowned };
}
