// Step Functions' DefinitionSubstitutions: `${Name}` in a state machine definition replaced by the expression the
// template maps it to. Used by the SAM StateMachine expansion and by AWS::StepFunctions::StateMachine's property rule.
import { isFunctionValue, isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import type { ConvertContext } from './context';
import { expr } from './expressions';
import { list, str, type Hcl } from './hcl';

/** A definition value with `${Name}` of DefinitionSubstitutions replaced by their expressions (other `${...}` kept as text). */
export function substituted(ctx: ConvertContext, value: CfnValue, subs: CfnValueMap): Hcl {
  if (typeof value === 'string') {
    const parts: (string | Hcl)[] = [];
    let last = 0;
    for (const m of value.matchAll(/\$\{([^}]+)\}/g)) {
      if (!(m[1] in subs)) continue;
      parts.push(value.slice(last, m.index), expr(ctx, subs[m[1]]));
      last = m.index! + m[0].length;
    }
    if (parts.length === 0) return str(value);
    parts.push(value.slice(last));
    const kept = parts.filter((p) => p !== '');
    return kept.length === 1 && typeof kept[0] !== 'string' ? kept[0] : { k: 'template', parts: kept };
  }
  if (Array.isArray(value)) return list(value.map((v) => substituted(ctx, v, subs)));
  if (isValueMap(value) && !isFunctionValue(value)) return { k: 'object', entries: Object.entries(value).map(([key, v]) => ({ key, value: substituted(ctx, v, subs) })) };
  return expr(ctx, value);
}
