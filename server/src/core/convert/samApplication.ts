// SAM AWS::Serverless::Application -> what it nests. A Serverless Application Repository location
// ({ApplicationId, SemanticVersion}) is aws_serverlessapplicationrepository_cloudformation_stack; a template URL is
// aws_cloudformation_stack; a local template is a module whose folder must hold that template converted. Only what
// cannot be known offline is a TODO: the capabilities a repository application declares, a local module's content.
import { isFunctionValue, isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import { tagsValue } from './arguments';
import type { ConvertContext } from './context';
import { expr } from './expressions';
import { attr, block, comment, str, type BodyItem, type Hcl } from './hcl';
import type { SamTarget } from '../knowledge/sam';
import { emit } from './samCommon';

/** A local template path (not a URL): the nested application is a module. */
function isLocalLocation(location: CfnValue | undefined): location is string {
  return typeof location === 'string' && !/^(https?|s3):\/\//.test(location);
}

/** Where a nested application lives, by its Location (planned before any reference is converted). */
export function applicationTarget(location: CfnValue | undefined): SamTarget {
  if (isLocalLocation(location)) return { tfType: 'module', refAttr: 'id', attributes: {} };
  if (typeof location === 'string') return { tfType: 'aws_cloudformation_stack', refAttr: 'id', attributes: {} };
  return { tfType: 'aws_serverlessapplicationrepository_cloudformation_stack', refAttr: 'id', attributes: {} };
}

function parameters(ctx: ConvertContext, props: CfnValueMap): BodyItem[] {
  return isValueMap(props.Parameters) ? [attr('parameters', expr(ctx, props.Parameters))] : [];
}

export function convertApplication(ctx: ConvertContext, id: string, props: CfnValueMap, condition: CfnValue | undefined): void {
  const target = ctx.targets.get(id)!;
  const location = props.Location;
  const common = (): BodyItem[] => [
    ...parameters(ctx, props),
    ...(props.Tags !== undefined ? [attr('tags', tagsValue(ctx, props.Tags))] : []),
    ...(props.NotificationARNs !== undefined && target.tfType === 'aws_cloudformation_stack' ? [attr('notification_arns', expr(ctx, props.NotificationARNs))] : []),
    ...(props.TimeoutInMinutes !== undefined && target.tfType === 'aws_cloudformation_stack' ? [attr('timeout_in_minutes', expr(ctx, props.TimeoutInMinutes))] : []),
  ];
  if (isLocalLocation(location)) {
    // A module block, not a resource: Terraform reads the folder, which holds the nested template converted.
    const dir = `./${location.replace(/^\.\//, '').replace(/\/[^/]*\.(ya?ml|json|template)$/i, '')}`;
    ctx.todo(`${id}: the nested template ${location} becomes the module in ${dir}; convert it there (aws-notes convert)`);
    const { value: body, deps } = ctx.collect(() => [
      comment(`TODO: convert ${location} into ${dir} (aws-notes convert); its Parameters become the module's variables`),
      attr('source', str(dir)),
      ...(isValueMap(props.Parameters) ? Object.entries(props.Parameters).map(([k, v]) => attr(k.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1').replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase()), expr(ctx, v))) : []),
    ]);
    ctx.add({ key: `module.${target.name}`, kind: 'resource', logicalId: id, block: block('module', [target.name], body), deps });
    return;
  }
  emit(ctx, id, target.tfType, target.name, condition, () => {
    if (target.tfType === 'aws_cloudformation_stack') return [attr('name', str(id)), attr('template_url', expr(ctx, location)), ...common()];
    const sar = isValueMap(location) && !isFunctionValue(location) ? location : {};
    ctx.todo(`${id}: the capabilities the repository application declares are not known offline`);
    const capabilities: Hcl = { k: 'list', items: [str('CAPABILITY_IAM'), str('CAPABILITY_RESOURCE_POLICY')] };
    return [
      attr('name', str(id)),
      attr('application_id', expr(ctx, sar.ApplicationId)),
      ...(sar.SemanticVersion !== undefined ? [attr('semantic_version', expr(ctx, sar.SemanticVersion))] : []),
      comment('TODO: capabilities: keep only those the application declares in the Serverless Application Repository'),
      attr('capabilities', capabilities),
      ...common(),
    ];
  });
}
