// SAM AWS::Serverless::Connector -> the IAM policy SAM generates: for each destination, the actions its connector
// profile (knowledge/connectors.ts) gives for the requested permissions, on the destination's ARNs, as an inline
// aws_iam_role_policy on the source's role. Actions the IAM table does not know are left out; what cannot be
// resolved offline (a source without a role in the template, a destination type without a profile) is a TODO.
import { isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import type { ConvertContext } from './context';
import { address, expr, getAttExpr, isRef } from './expressions';
import { attr, call, code, comment, list, str, type BodyItem, type Hcl } from './hcl';
import { connectorProfile } from '../knowledge/connectors';
import { templateResource, resourceProperties } from './templateResources';
import { emit, samTodo } from './samCommon';

function resourceType(ctx: ConvertContext, id: string): string | undefined {
  const type = templateResource(ctx, id)?.Type;
  return typeof type === 'string' ? type : undefined;
}


/** The source's role name: SAM's implicit role, a role of the template it names, or RoleName. */
function sourceRole(ctx: ConvertContext, source: CfnValueMap): Hcl | undefined {
  if (source.RoleName !== undefined) return expr(ctx, source.RoleName);
  if (typeof source.Id !== 'string') return undefined;
  const implicit = ctx.targets.get(`${source.Id}Role`);
  if (implicit?.tfType === 'aws_iam_role' && resourceProperties(ctx, source.Id).Role === undefined) {
    ctx.use(`resource.${implicit.tfType}.${implicit.name}`);
    return code(`${address(implicit)}.name`);
  }
  // A Role property pointing at a role of this template (!GetAtt R.Arn / !Ref R).
  const role = resourceProperties(ctx, source.Id).Role;
  const roleId = isRef(role) ? String(role.args[0]) : isValueMap(role) && 'fn' in role && role.fn === 'GetAtt' && Array.isArray(role.args) ? String(role.args[0]).split('.')[0] : undefined;
  const target = roleId ? ctx.targets.get(roleId) : undefined;
  if (target?.tfType === 'aws_iam_role') {
    ctx.use(`resource.${target.tfType}.${target.name}`);
    return code(`${address(target)}.name`);
  }
  // Any other role ARN (a parameter): its name is the ARN's last path segment, as SAM reads it.
  if (role !== undefined) return call('element', call('reverse', call('split', str('/'), expr(ctx, role))), code('0'));
  return undefined;
}

/** One statement per destination: its type's profile for the permissions, on its ARN (and indexes/objects). */
function statement(ctx: ConvertContext, id: string, destination: CfnValueMap, permissions: string[], items: BodyItem[]): Hcl | undefined {
  const type = typeof destination.Id === 'string' ? resourceType(ctx, destination.Id) : typeof destination.Type === 'string' ? destination.Type : undefined;
  const profile = type ? connectorProfile(type) : undefined;
  const label = typeof destination.Id === 'string' ? destination.Id : type ?? 'destination';
  if (!profile) {
    ctx.todo(`${id}: no connector profile for destination ${label}${type ? ` (${type})` : ''}`);
    items.push(comment(`TODO: ${label}${type ? ` (${type})` : ''} has no connector profile here; add the statements SAM would grant`));
    return undefined;
  }
  const actions: string[] = [];
  for (const permission of permissions) {
    const granted = permission === 'Read' ? profile.read : permission === 'Write' ? profile.write : undefined;
    if (!granted || granted.length === 0) {
      ctx.todo(`${id}: ${permission} on ${label} is not a permission SAM connectors grant`);
      items.push(comment(`TODO: ${permission} on ${label} (${type}) is not a connector permission`));
      continue;
    }
    // Only actions the IAM table knows: a stale or mistyped action would be a silent no-op in a policy.
    actions.push(...granted.filter((a) => {
      const [prefix, name] = a.split(':');
      const known = ctx.data.iamActions(prefix);
      return !known || name in known;
    }));
  }
  if (actions.length === 0) return undefined;
  const arn = typeof destination.Id === 'string' ? getAttExpr(ctx, destination.Id, 'Arn') : expr(ctx, destination.Arn);
  const resources: Hcl[] = profile.resources.map((suffix) => (suffix ? { k: 'template', parts: [arn, suffix] } : arn));
  return { k: 'object', entries: [
    { key: 'Effect', value: str('Allow') },
    { key: 'Action', value: list(actions.map(str)) },
    { key: 'Resource', value: resources.length === 1 ? resources[0] : list(resources) },
  ] };
}

export function convertConnector(ctx: ConvertContext, id: string, props: CfnValueMap, condition: CfnValue | undefined): void {
  const target = ctx.targets.get(id)!;
  const source = isValueMap(props.Source) ? props.Source : {};
  const role = sourceRole(ctx, source);
  if (!role) {
    samTodo(ctx, id, `Connector source ${typeof source.Id === 'string' ? source.Id : '(by ARN)'} has no role in this template; attach the connector's statements to its role`);
    return;
  }
  const destinations = (Array.isArray(props.Destination) ? props.Destination : [props.Destination]).filter(isValueMap);
  const permissions = Array.isArray(props.Permissions) ? props.Permissions.filter((p): p is string => typeof p === 'string') : [];
  const derivable = destinations.some((d) => {
    const type = typeof d.Id === 'string' ? resourceType(ctx, d.Id) : typeof d.Type === 'string' ? d.Type : undefined;
    const profile = type ? connectorProfile(type) : undefined;
    return !!profile && permissions.some((p) => (p === 'Read' ? profile.read : p === 'Write' ? profile.write : []).length > 0);
  });
  if (!derivable) {
    samTodo(ctx, id, `no connector profile gives ${permissions.join('/') || 'these permissions'} on its destination; write the policy SAM would generate`);
    return;
  }
  emit(ctx, id, target.tfType, target.name, condition, () => {
    const items: BodyItem[] = [];
    const statements = destinations.map((d) => statement(ctx, id, d, permissions, items)).filter((s): s is Hcl => !!s);
    return [
      attr('name', str(`${id}Policy`)),
      attr('role', role),
      attr('policy', call('jsonencode', { k: 'object', entries: [{ key: 'Version', value: str('2012-10-17') }, { key: 'Statement', value: list(statements) }] })),
      ...items,
    ];
  });
}
