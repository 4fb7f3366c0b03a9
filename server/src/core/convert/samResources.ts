// Where each SAM resource goes and what writes it: the addresses planned before any expression is converted, then
// the expansion of each type (function, table, APIs, layer, state machine, connector, application). Above sam.ts and
// the per-type expansions, so none of them imports this dispatch back.
import { isValueMap, type CfnValueMap } from '../syntax/template';
import type { ConvertContext, TfTarget } from './context';
import { snakeCase } from './naming';
import { samExpansion, type SamTarget } from '../knowledge/sam';
import { convertFunction, convertHttpApi, convertLayer, convertSimpleTable, events, globalsFor, writeRestApi } from './sam';
import { samTodo } from './samCommon';
import { convertStateMachine } from './samStateMachine';
import { convertConnector } from './samConnector';
import { applicationTarget, convertApplication } from './samApplication';

function target(ctx: ConvertContext, id: string, counted: boolean, of: SamTarget): TfTarget {
  const t: TfTarget = { tfType: of.tfType, name: ctx.uniqueName(of.tfType, snakeCase(id)), counted, refAttr: of.refAttr, attributes: { ...of.attributes } };
  ctx.targets.set(id, t);
  return t;
}

function propertiesOf(ctx: ConvertContext, type: string, resource: CfnValueMap): CfnValueMap {
  const own = isValueMap(resource.Properties) ? resource.Properties : {};
  const section = type.replace('AWS::Serverless::', '');
  return { ...globalsFor(ctx, section), ...own };
}

/** Targets from knowledge/sam.ts: the main resource, then the implicit ones SAM would add (a role, the implicit APIs). */
export function planSamResource(ctx: ConvertContext, id: string, type: string, resource: CfnValueMap, counted: boolean): void {
  if (type === 'AWS::Serverless::Application') {
    target(ctx, id, counted, applicationTarget(propertiesOf(ctx, type, resource).Location));
    return;
  }
  const expansion = samExpansion(type);
  if (!expansion?.converted) return;
  const props = propertiesOf(ctx, type, resource);
  target(ctx, id, counted, expansion.main);
  for (const implicit of expansion.implicit) {
    if (implicit.suffix !== undefined) {
      if (implicit.unlessProperty === undefined || props[implicit.unlessProperty] === undefined) target(ctx, `${id}${implicit.suffix}`, counted, implicit);
      continue;
    }
    const wanted = implicit.forEvent;
    const logicalId = implicit.logicalId!;
    if (!wanted || ctx.targets.has(logicalId)) continue;
    const used = events(props).some(([, event]) => event.Type === wanted.type && (!isValueMap(event.Properties) || event.Properties[wanted.unlessProperty] === undefined));
    if (used) target(ctx, logicalId, false, implicit);
  }
}

export function convertSamResource(ctx: ConvertContext, id: string, type: string, resource: CfnValueMap): void {
  const props = propertiesOf(ctx, type, resource);
  const condition = resource.Condition;
  switch (type) {
    case 'AWS::Serverless::Function':
      return convertFunction(ctx, id, props, condition);
    case 'AWS::Serverless::SimpleTable':
      return convertSimpleTable(ctx, id, props, condition);
    case 'AWS::Serverless::HttpApi':
      return convertHttpApi(ctx, id, props, condition);
    case 'AWS::Serverless::Api':
      // Written now without routes, and again (in place) by every function event that adds one to its OpenAPI body.
      writeRestApi(ctx, id, ctx.targets.get(id)!);
      return;
    case 'AWS::Serverless::LayerVersion':
      return convertLayer(ctx, id, props, condition);
    case 'AWS::Serverless::StateMachine':
      return convertStateMachine(ctx, id, props, condition);
    case 'AWS::Serverless::Connector':
      return convertConnector(ctx, id, props, condition);
    case 'AWS::Serverless::Application':
      return convertApplication(ctx, id, props, condition);
    default:
      samTodo(ctx, id, `${type} is not converted; write its Terraform resources by hand`);
  }
}
