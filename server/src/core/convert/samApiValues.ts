// Small value helpers of the SAM API expansion (samApi.ts, its OpenAPI body and its custom domains): kept below
// all three so that none of them imports another for these.
import { isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import type { ConvertContext } from './context';
import { expr, pseudoParameter } from './expressions';
import { comment, type BodyItem, type Hcl } from './hcl';

export const obj = (entries: [string, Hcl | undefined][]): Hcl => ({ k: 'object', entries: entries.filter((e): e is [string, Hcl] => e[1] !== undefined).map(([key, value]) => ({ key, value })) });

export const map = (value: CfnValue | undefined): CfnValueMap => (isValueMap(value) ? value : {});

export const counted = (condition: CfnValue | undefined) => typeof condition === 'string';

/**
 * A TODO inside the REST API's block: that block is rewritten as events add routes, so its TODOs are rebuilt with it
 * (a separate TODO unit would be repeated on every rewrite).
 */
export function note(ctx: ConvertContext, notes: BodyItem[], apiId: string, message: string): void {
  ctx.todo(`${apiId}: ${message}`);
  notes.push(comment(`TODO: ${message}`));
}

/** `arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations`, as SAM builds it. */
export function lambdaUri(ctx: ConvertContext, functionArn: CfnValue): Hcl {
  return { k: 'template', parts: ['arn:', pseudoParameter(ctx, 'AWS::Partition')!, ':apigateway:', pseudoParameter(ctx, 'AWS::Region')!, ':lambda:path/2015-03-31/functions/', expr(ctx, functionArn), '/invocations'] };
}

export function identityItems(identity: CfnValueMap, prefixes: [string, string][]): CfnValue[] {
  return prefixes.flatMap(([key, prefix]) => (Array.isArray(identity[key]) ? (identity[key] as CfnValue[]) : []).map((v) => (typeof v === 'string' ? prefix + v : { fn: 'Join', args: ['', [prefix, v]] } as CfnValue)));
}
