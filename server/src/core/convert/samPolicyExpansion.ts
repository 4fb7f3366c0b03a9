// SAM policy templates expanded the way SAM's transform does (policy_template_processor/template.py): every
// `Ref` to one of the template's parameters is replaced by the value the template gives it, nothing else is
// resolved, and a missing parameter is an error. The data is SAM's own file, so any template expands.
import { LIST_ARGUMENT_FUNCTIONS, LONG_KEYS } from '../syntax/template/intrinsics';
import type { CfnValue, CfnValueMap } from '../syntax/template/types';
import type { RawSamPolicyTemplate, SamJson } from '../data/samPolicyTemplates';

export type SamPolicyExpansion = { statements: CfnValueMap[] } | { missing: string[] };

/** The statements a template grants with these parameter values, or the parameters SAM would reject it for. */
export function expandSamPolicy(template: RawSamPolicyTemplate, values: CfnValueMap): SamPolicyExpansion {
  const missing = template.params.filter((p) => !Object.hasOwn(values, p));
  if (missing.length) return { missing };
  const params = new Set(template.params);
  return { statements: template.statements.map((s) => toValue(s, values, params) as CfnValueMap) };
}

/** Long-form JSON -> the converter's values (`{ fn, args }`); a parameter's Ref becomes its value, not re-read. */
function toValue(json: SamJson, values: CfnValueMap, params: ReadonlySet<string>): CfnValue {
  if (Array.isArray(json)) return json.map((v) => toValue(v, values, params));
  if (json === null || typeof json !== 'object') return json;
  const keys = Object.keys(json);
  // `Condition` is a statement's key here, never the intrinsic.
  const fn = keys.length === 1 && keys[0] !== 'Condition' ? LONG_KEYS.get(keys[0]) : undefined;
  if (fn === 'Ref' && typeof json.Ref === 'string' && params.has(json.Ref)) return values[json.Ref];
  if (fn) {
    const arg = json[keys[0]];
    const args = LIST_ARGUMENT_FUNCTIONS.has(fn) && Array.isArray(arg) ? arg : [arg];
    return { fn, args: args.map((a) => toValue(a, values, params)) };
  }
  const out: CfnValueMap = {};
  for (const key of keys) out[key] = toValue(json[key], values, params);
  return out;
}

