// The Terraform side of what is under the cursor, computed with the converter itself: the expression one
// intrinsic call becomes, the argument a property becomes, the address a logical id becomes.
import type { CoreContext } from '../../context';
import { ConvertContext, conditionLocal, intrinsic as intrinsicExpr, refExpr, getAttExpr, render, renderBlock, planTargets, type Hcl } from '../../convert';
import { propertyMapping } from '../../knowledge/properties';
import { alternativeFor } from '../../knowledge/alternatives';
import { toValue } from '../../syntax/template/toValue';
import type { CfnIntrinsic, CfnTemplate } from '../../syntax/template/types';

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
  | { kind: 'oneOf'; tfType: string; sets: string[][] }
  | { kind: 'resource'; tfType: string }
  | { kind: 'none'; tfType: string };

/**
 * The Terraform argument a CloudFormation property becomes, as the knowledge layer resolves it for the type's
 * primary Terraform type (the converter writes the same): arguments together, one of several argument sets,
 * a separate resource, or none.
 */
export function propertyToTerraform(cfnType: string, property: string, ctx: CoreContext): ArgumentAnswer | undefined {
  const mapping = propertyMapping(ctx.data, cfnType);
  if (!mapping || !ctx.data.tfResource(mapping.tfType)) return undefined;
  const tfType = mapping.tfType;
  const answer = mapping.answer(property);
  switch (answer.kind) {
    case 'args': case 'flatten': return { kind: 'argument', tfType, names: answer.names };
    case 'oneOf': return { kind: 'oneOf', tfType, sets: answer.sets };
    case 'resource': return { kind: 'resource', tfType: answer.tfType };
    default: {
      // No argument on the primary, but one on the alternative the converter then writes (DBClusterIdentifier ->
      // aws_rds_cluster_instance.cluster_identifier).
      const alternative = alternativeFor(ctx.data, cfnType, property);
      return alternative ? { kind: 'argument', tfType: alternative.tfType, names: [alternative.argument] } : { kind: 'none', tfType };
    }
  }
}

/** Every Terraform argument name an answer mentions. */
export function answerArguments(answer: ArgumentAnswer | undefined): string[] {
  return answer?.kind === 'argument' ? answer.names : answer?.kind === 'oneOf' ? [...new Set(answer.sets.flat())] : [];
}

/** `a + b | c` with code spans. */
export function answerText(answer: ArgumentAnswer, quote: (s: string) => string = (s) => `\`${s}\``): string {
  if (answer.kind === 'argument') return answer.names.map(quote).join(' + ');
  if (answer.kind === 'oneOf') return answer.sets.map((set) => set.map(quote).join(' + ')).join(' | ');
  return quote(answer.tfType);
}
