// SAM DeploymentPreference -> the CodeDeploy resources SAM creates (aws-sam-translator's
// DeploymentPreferenceCollection): one Lambda application per template, one service role trusted by CodeDeploy with
// AWSCodeDeployRoleForLambda (unless every preference names its Role), and a deployment group per function with
// the predefined configuration its Type names, its alarms, triggers and automatic rollback. SAM also puts a
// CodeDeployLambdaAliasUpdate policy on the alias so that CloudFormation shifts traffic through CodeDeploy;
// Terraform has no such policy, which the group says. Hooks run inside that deployment: a precise TODO.
import { isFunctionValue, isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import { blockItems, tagsValue } from './arguments';
import type { ConvertContext, TfTarget } from './context';
import { address, expr } from './expressions';
import { attr, code, comment, nested, str, type BodyItem } from './hcl';
import { resourceEntries } from './templateResources';
import { emit, partitionArn, serviceRole } from './samCommon';

/** aws-sam-translator's CODEDEPLOY_PREDEFINED_CONFIGURATIONS_LIST: these become CodeDeployDefault.Lambda<Type>. */
const PREDEFINED = new Set([
  'Canary10Percent5Minutes', 'Canary10Percent10Minutes', 'Canary10Percent15Minutes', 'Canary10Percent30Minutes',
  'Linear10PercentEvery1Minute', 'Linear10PercentEvery2Minutes', 'Linear10PercentEvery3Minutes', 'Linear10PercentEvery10Minutes',
  'AllAtOnce',
]);
const KNOWN = new Set(['Type', 'Enabled', 'Alarms', 'Hooks', 'Role', 'TriggerConfigurations', 'PassthroughCondition']);
const ROLLBACK_EVENTS = ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'];

interface Shared { app?: TfTarget; role?: TfTarget }
const shared = new WeakMap<ConvertContext, Shared>();

const isDisabled = (p: CfnValueMap) => p.Enabled === false || p.Enabled === 'false' || p.Enabled === 'False';

/** Every enabled DeploymentPreference of the template's functions (Globals included), for what they share. */
function preferences(ctx: ConvertContext): { preference: CfnValueMap; condition: CfnValue | undefined; tags?: CfnValue }[] {
  const globals = isValueMap(ctx.template.value.Globals) && isValueMap(ctx.template.value.Globals.Function) ? ctx.template.value.Globals.Function : {};
  const out: { preference: CfnValueMap; condition: CfnValue | undefined; tags?: CfnValue }[] = [];
  for (const [, r] of resourceEntries(ctx)) {
    if (r.Type !== 'AWS::Serverless::Function') continue;
    const props: CfnValueMap = { ...globals, ...(isValueMap(r.Properties) ? r.Properties : {}) };
    const preference = props.DeploymentPreference;
    if (isValueMap(preference) && !isDisabled(preference)) out.push({ preference, condition: r.Condition, tags: props.PropagateTags === true ? props.Tags : undefined });
  }
  return out;
}

/** The shared resources take the tags of every function that propagates its tags, merged (as SAM merges them). */
function sharedTags(ctx: ConvertContext): BodyItem[] {
  const merged: CfnValueMap = {};
  for (const { tags } of preferences(ctx)) if (isValueMap(tags)) Object.assign(merged, tags);
  return Object.keys(merged).length ? [attr('tags', tagsValue(ctx, merged))] : [];
}

/** SAM conditions the shared resources only when every preference passes the same function condition through. */
function sharedCondition(ctx: ConvertContext): CfnValue | undefined {
  const conditions = preferences(ctx).map((p) => (p.preference.PassthroughCondition === true || p.preference.PassthroughCondition === 'true' ? p.condition : undefined));
  return conditions.length && conditions.every((c) => typeof c === 'string' && c === conditions[0]) ? conditions[0] : undefined;
}

function application(ctx: ConvertContext, id: string): TfTarget {
  const state = shared.get(ctx) ?? {};
  shared.set(ctx, state);
  if (state.app) return state.app;
  const condition = sharedCondition(ctx);
  const app: TfTarget = { tfType: 'aws_codedeploy_app', name: ctx.uniqueName('aws_codedeploy_app', 'serverless_deployment_application'), counted: typeof condition === 'string', refAttr: 'name', attributes: {} };
  state.app = app;
  emit(ctx, id, app.tfType, app.name, condition, () => [attr('name', str('ServerlessDeploymentApplication')), attr('compute_platform', str('Lambda')), ...sharedTags(ctx)]);
  return app;
}

function codeDeployRole(ctx: ConvertContext, id: string): TfTarget {
  const state = shared.get(ctx)!;
  if (state.role) return state.role;
  const condition = sharedCondition(ctx);
  const role: TfTarget = { tfType: 'aws_iam_role', name: ctx.uniqueName('aws_iam_role', 'code_deploy_service_role'), counted: typeof condition === 'string', refAttr: 'name', attributes: { Arn: 'arn' } };
  state.role = role;
  serviceRole(ctx, id, role, 'codedeploy.amazonaws.com', [partitionArn(ctx, ':iam::aws:policy/service-role/AWSCodeDeployRoleForLambda')], [], undefined, condition, sharedTags(ctx));
  return role;
}

/** `Canary10Percent5Minutes` -> CodeDeployDefault.LambdaCanary10Percent5Minutes, also inside intrinsics (Fn::If). */
function configName(value: CfnValue): CfnValue {
  if (typeof value === 'string') return PREDEFINED.has(value) ? `CodeDeployDefault.Lambda${value}` : value;
  if (Array.isArray(value)) return value.map(configName);
  if (isFunctionValue(value)) return { fn: value.fn, args: value.args.map(configName) };
  return value;
}

/**
 * The function's DeploymentPreference: items for the function's body (notes and TODOs), and `emit`, which adds the
 * CodeDeploy resources after the function. `props` are the function's properties with Globals.
 */
export function deploymentPreference(ctx: ConvertContext, id: string, fn: TfTarget, props: CfnValueMap, value: CfnValue, condition: CfnValue | undefined): { items: BodyItem[]; emit?: () => void } {
  const items = checks(ctx, id, props, value);
  if (items || !isValueMap(value)) return { items: items ?? [] };
  return { items: hookTodos(ctx, id, value), emit: () => emitDeployment(ctx, id, fn, props, value, condition) };
}

/** What stops the conversion (SAM would reject it, or it is computed); undefined: convert. */
function checks(ctx: ConvertContext, id: string, props: CfnValueMap, value: CfnValue): BodyItem[] | undefined {
  if (!isValueMap(value)) {
    ctx.todo(`${id}: DeploymentPreference is computed; write aws_codedeploy_deployment_group by hand`);
    return [comment('TODO: DeploymentPreference is computed by a function in CloudFormation; write aws_codedeploy_app / aws_codedeploy_deployment_group by hand')];
  }
  if (isDisabled(value)) return [comment('DeploymentPreference is disabled: SAM creates no CodeDeploy resources for this function.')];
  if (value.Enabled !== undefined && value.Enabled !== true && value.Enabled !== 'true' && value.Enabled !== 'True') {
    ctx.todo(`${id}: DeploymentPreference Enabled is computed`);
    return [comment('TODO: DeploymentPreference Enabled is computed in CloudFormation; write the CodeDeploy resources under a count')];
  }
  if (props.AutoPublishAlias === undefined || value.Type === undefined) {
    ctx.todo(`${id}: DeploymentPreference needs AutoPublishAlias and Type`);
    return [comment('TODO: DeploymentPreference needs AutoPublishAlias and Type (SAM rejects it without them)')];
  }
  return undefined;
}

function emitDeployment(ctx: ConvertContext, id: string, fn: TfTarget, props: CfnValueMap, value: CfnValueMap, condition: CfnValue | undefined): void {
  const passthrough = value.PassthroughCondition === true || value.PassthroughCondition === 'true';
  const groupCondition = passthrough ? condition : undefined;
  const tags = props.PropagateTags === true && props.Tags !== undefined ? [attr('tags', tagsValue(ctx, props.Tags))] : [];
  const app = application(ctx, id);
  const role = value.Role === undefined ? codeDeployRole(ctx, id) : undefined;
  const group = ctx.uniqueName('aws_codedeploy_deployment_group', `${fn.name}_deployment_group`);
  emit(ctx, id, 'aws_codedeploy_deployment_group', group, groupCondition, () => {
    ctx.use(`resource.${app.tfType}.${app.name}`);
    if (role) ctx.use(`resource.${role.tfType}.${role.name}`);
    const body: BodyItem[] = [
      comment(`Traffic shifting for alias ${typeof props.AutoPublishAlias === 'string' ? props.AutoPublishAlias : '(AutoPublishAlias)'} of ${address(fn)}: CloudFormation shifts it through this group on every update (SAM's CodeDeployLambdaAliasUpdate policy); Terraform updates the alias itself, so shifting happens in the CodeDeploy deployments you start (an AppSpec naming the function, alias and versions).`),
      attr('app_name', code(`${address(app)}.name`)),
      attr('deployment_group_name', str(`${id}DeploymentGroup`)),
      attr('service_role_arn', role ? code(`${address(role)}.arn`) : expr(ctx, value.Role)),
      attr('deployment_config_name', expr(ctx, configName(value.Type))),
      nested('deployment_style', [attr('deployment_type', str('BLUE_GREEN')), attr('deployment_option', str('WITH_TRAFFIC_CONTROL'))]),
      nested('auto_rollback_configuration', [attr('enabled', code('true')), attr('events', { k: 'list', items: ROLLBACK_EVENTS.map(str) })]),
    ];
    const alarms = value.Alarms;
    if (Array.isArray(alarms) && alarms.length > 0) {
      body.push(nested('alarm_configuration', [attr('enabled', code('true')), attr('alarms', expr(ctx, alarms))]));
    } else if (alarms !== undefined && !Array.isArray(alarms)) {
      ctx.todo(`${id}: DeploymentPreference Alarms is computed`);
      body.push(comment('TODO: DeploymentPreference Alarms is computed in CloudFormation; write alarm_configuration { enabled = true, alarms = [...] }'));
    }
    if (value.TriggerConfigurations !== undefined) {
      body.push(...blockItems(ctx, 'trigger_configuration', value.TriggerConfigurations, {}, ctx.data.tfResource('aws_codedeploy_deployment_group')?.args.trigger_configuration?.args));
    }
    body.push(...tags);
    return body;
  });
}

/** Hooks run inside a CodeDeploy deployment, which Terraform does not start; other keys are unknown to SAM 1.110. */
function hookTodos(ctx: ConvertContext, id: string, value: CfnValueMap): BodyItem[] {
  const items: BodyItem[] = [];
  if (isValueMap(value.Hooks)) {
    for (const [hook, fnRef] of Object.entries(value.Hooks)) {
      ctx.todo(`${id}: DeploymentPreference Hooks ${hook} runs inside a CodeDeploy deployment`);
      items.push(comment(`TODO: DeploymentPreference Hooks ${hook} (${typeof fnRef === 'string' ? fnRef : 'a function'}): CodeDeploy runs it during a deployment; name it under Hooks (Before/AfterAllowTraffic) in the AppSpec of the deployments you start`));
    }
  }
  for (const key of Object.keys(value).filter((k) => !KNOWN.has(k))) {
    ctx.todo(`${id}: DeploymentPreference ${key} is not converted`);
    items.push(comment(`TODO: DeploymentPreference ${key} is not converted`));
  }
  return items;
}
