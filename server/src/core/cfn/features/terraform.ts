// The Terraform side of what is under the cursor, computed with the converter itself: the expression one
// intrinsic call becomes, the argument a property becomes, the address a logical id becomes.
import type { CoreContext } from '../../context';
import { ConvertContext } from '../../convert/context';
import { conditionLocal, intrinsic as intrinsicExpr, refExpr, getAttExpr } from '../../convert/expressions';
import { render, renderBlock, type Hcl } from '../../convert/hcl';
import { snakeCase } from '../../convert/naming';
import { planTargets } from '../../convert/resources';
import { toValue } from '../toValue';
import type { CfnIntrinsic, CfnTemplate } from '../types';

export interface TfExpression {
  expression: string;
  /** Blocks the expression needs (data sources, variables), rendered. */
  needs: string[];
}

function run(template: CfnTemplate, ctx: CoreContext, build: (c: ConvertContext) => Hcl): TfExpression | undefined {
  try {
    const convert = new ConvertContext(template, ctx.data);
    planTargets(convert);
    const expression = render(build(convert));
    const needs = convert.units.filter((u) => u.block && (u.kind === 'data' || u.kind === 'variable')).map((u) => renderBlock(u.block!).trim());
    return { expression, needs };
  } catch {
    return undefined;
  }
}

/** `!GetAtt JobQueue.Arn` -> `aws_sqs_queue.job_queue.arn`. */
export function intrinsicToTerraform(template: CfnTemplate, call: CfnIntrinsic, ctx: CoreContext): TfExpression | undefined {
  return run(template, ctx, (c) => intrinsicExpr(c, { fn: call.fn, args: call.args.map(toValue) }));
}

/** What `!Ref name` becomes: `var.stage`, `aws_dynamodb_table.results.name`, `data.aws_region.current.region`. */
export function refToTerraform(template: CfnTemplate, name: string, ctx: CoreContext): TfExpression | undefined {
  return run(template, ctx, (c) => refExpr(c, name));
}

export function getAttToTerraform(template: CfnTemplate, resource: string, attribute: string, ctx: CoreContext): TfExpression | undefined {
  return run(template, ctx, (c) => getAttExpr(c, resource, attribute));
}

export function conditionToTerraform(name: string): string {
  return `local.${conditionLocal(name)}`;
}

/** The Terraform resource address of a logical id (`aws_sqs_queue.job_queue`), when the type is mapped. */
export function resourceAddress(template: CfnTemplate, id: string, ctx: CoreContext): string | undefined {
  try {
    const convert = new ConvertContext(template, ctx.data);
    planTargets(convert);
    const target = convert.targets.get(id);
    return target ? `${target.tfType}.${target.name}` : undefined;
  } catch {
    return undefined;
  }
}

export type ArgumentAnswer =
  | { kind: 'argument'; tfType: string; names: string[] }
  | { kind: 'resource'; tfType: string }
  | { kind: 'none'; tfType: string };

/**
 * The Terraform argument a CloudFormation property becomes. The reviewed mapping wins; its values may be
 * composites (`hash_key+range_key`, `a|b`) or a separate resource (`aws_*`): only names the Terraform
 * schema has count as arguments. Otherwise snake_case and the converter's naming conventions.
 */
export function propertyToTerraform(cfnType: string, property: string, ctx: CoreContext): ArgumentAnswer | undefined {
  const mapping = ctx.data.mappingForCfn(cfnType);
  const tfType = mapping?.tf[0];
  if (!tfType) return undefined;
  const schema = ctx.data.tfResource(tfType);
  const mapped = mapping.properties?.[property];
  if (mapped && /^aws_[a-z0-9_]+$/.test(mapped) && ctx.data.tfResource(mapped)) return { kind: 'resource', tfType: mapped };
  if (!schema) return undefined;
  const has = (name: string | undefined): name is string => !!name && /^[a-z][a-z0-9_]*$/.test(name) && name in schema.args;
  if (mapped) {
    const parts = mapped.split(/[+|]/).map((p) => p.trim()).filter(has);
    if (parts.length) return { kind: 'argument', tfType, names: parts };
  }
  const snake = snakeCase(property);
  const candidates = [
    snake,
    snake.replace(/_name$/, ''),
    property.endsWith('Name') ? 'name' : undefined,
    snake.replace(/_document$/, ''),
    `${snake}_seconds`,
    snake.replace(/_period$/, '_seconds'),
    property.endsWith('Description') ? 'description' : undefined,
  ];
  const found = candidates.find(has);
  return found ? { kind: 'argument', tfType, names: [found] } : { kind: 'none', tfType };
}
