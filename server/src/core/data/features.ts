// Which feature of a service (data/features.json) a CloudFormation or Terraform type belongs to. The data lists a
// feature's own types; the types that extend it follow by rule, so the data stays small and new provider types
// are covered without regenerating:
//   CloudFormation: the same namespace and a name that extends the feature's own (`AWS::EC2::SecurityGroupIngress`
//   -> Security Group), the longest feature first;
//   Terraform: `aws_<words>` or `aws_<one token>_<words>`, optionally followed by more (`aws_vpc_security_group_
//   ingress_rule` -> Security Group), of the feature's own service (same rule as scripts/gen-data/features.mjs).
import type { FeatureEntry } from './types';

export interface FeatureLookup {
  byCfnType(cfnType: string): FeatureEntry | undefined;
  byTfType(tfType: string): FeatureEntry | undefined;
  byPrincipal(principal: string): FeatureEntry | undefined;
}

/** "Transit Gateway" -> "transit_gateway" (the words as Terraform writes them). */
export function featureSnake(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('_');
}

export function createFeatureLookup(features: readonly FeatureEntry[], serviceOfTf: (tfType: string) => string | undefined): FeatureLookup {
  const exactCfn = new Map<string, FeatureEntry>();
  const exactTf = new Map<string, FeatureEntry>();
  const principals = new Map<string, FeatureEntry>();
  const stems = new Map<string, { stem: string; feature: FeatureEntry }[]>();
  const bySnake = new Map<string, FeatureEntry>();
  for (const f of features) {
    for (const t of f.cfnTypes) {
      if (!exactCfn.has(t)) exactCfn.set(t, f);
      const [, ns, res] = t.split('::');
      if (!ns || !res) continue;
      const list = stems.get(ns) ?? [];
      list.push({ stem: res, feature: f });
      stems.set(ns, list);
    }
    for (const t of f.tfTypes ?? []) if (!exactTf.has(t)) exactTf.set(t, f);
    for (const p of f.principals ?? []) principals.set(p.toLowerCase(), f);
    const snake = featureSnake(f.name);
    if (snake.includes('_') && !bySnake.has(snake)) bySnake.set(snake, f);
  }
  for (const list of stems.values()) list.sort((a, b) => b.stem.length - a.stem.length);

  return {
    byCfnType(cfnType) {
      const exact = exactCfn.get(cfnType);
      if (exact) return exact;
      const [aws, ns, res] = cfnType.split('::');
      if (aws !== 'AWS' || !res) return undefined;
      for (const { stem, feature } of stems.get(ns) ?? []) {
        if (res.startsWith(stem) && /[A-Z]/.test(res.charAt(stem.length))) return feature;
      }
      return undefined;
    },
    byTfType(tfType) {
      const exact = exactTf.get(tfType);
      if (exact) return exact;
      const rest = tfType.startsWith('aws_') ? tfType.slice(4) : tfType.startsWith('awscc_') ? tfType.slice(6) : undefined;
      if (!rest) return undefined;
      const tokens = rest.split('_');
      // Longest words first, at the start or after one token (the provider's service prefix).
      for (let len = tokens.length; len >= 2; len--) {
        for (let from = 0; from <= 1 && from + len <= tokens.length; from++) {
          const feature = bySnake.get(tokens.slice(from, from + len).join('_'));
          if (feature && serviceOfTf(tfType) === feature.service) return feature;
        }
      }
      return undefined;
    },
    byPrincipal: (principal) => principals.get(principal.toLowerCase()),
  };
}
