// The resources pass: the Terraform address of every resource is planned before any expression is converted (so
// references resolve in any order), then each resource is converted, SAM ones by their expansion.
import { isValueMap } from '../syntax/template';
import type { ConvertContext } from './context';
import { snakeCase } from './naming';
import { refAttribute } from '../knowledge/attributes';
import { alternativeFor, attributesOn, refAttributeOn } from './alternatives';
import { principalsOf } from './principals';
import { convertResource } from './resources';
import { convertSamResource, planSamResource } from './samResources';
import { resourceEntries } from './templateResources';

/** Decides the Terraform address of every resource before any expression is converted. */
export function planTargets(ctx: ConvertContext): void {
  for (const [id, resource] of resourceEntries(ctx)) {
    const type = typeof resource.Type === 'string' ? resource.Type : '';
    const counted = typeof resource.Condition === 'string';
    if (type.startsWith('AWS::Serverless::')) {
      planSamResource(ctx, id, type, resource, counted);
      continue;
    }
    const mapping = ctx.mapping(type);
    if (!mapping) continue;
    // A type split by principal (AWS::IAM::Policy) lives where its first principal's resource is; one with an
    // alternative for what its properties say (an Aurora DBInstance) is that alternative.
    const properties = isValueMap(resource.Properties) ? resource.Properties : {};
    const tfType = principalsOf(ctx, type, properties)[0]?.tfType ?? alternativeFor(ctx, type, properties) ?? mapping.tf[0];
    ctx.targets.set(id, {
      tfType,
      name: ctx.uniqueName(tfType, snakeCase(id)),
      counted,
      refAttr: refAttributeOn(ctx, tfType, refAttribute(ctx.data, type)),
      attributes: attributesOn(ctx, tfType, mapping.attributes ?? {}),
    });
  }
}

export function convertResources(ctx: ConvertContext): void {
  for (const [id, resource] of resourceEntries(ctx)) {
    const type = typeof resource.Type === 'string' ? resource.Type : '';
    if (type.startsWith('AWS::Serverless::')) convertSamResource(ctx, id, type, resource);
    else convertResource(ctx, id, type, resource);
  }
}
