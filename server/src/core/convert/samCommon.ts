// What every SAM expansion writes with: a resource unit, a TODO unit, a partition-aware ARN and the service role SAM
// creates for a resource. Below sam.ts and the per-type expansions (sam*.ts), which all use them.
import type { CfnValue } from '../syntax/template';
import type { ConvertContext, TfTarget } from './context';
import { address, expr, pseudoParameter } from './expressions';
import { attr, block, call, code, comment, str, type BodyItem, type Hcl } from './hcl';
import { addResource } from './templateResources';

/** A resource unit built from body items with dependency tracking. */
export function emit(ctx: ConvertContext, id: string, tfType: string, name: string, condition: CfnValue | undefined, build: () => BodyItem[]): void {
  const { value, deps } = ctx.collect(build);
  addResource(ctx, id, tfType, name, condition, value, deps);
}

export function samTodo(ctx: ConvertContext, id: string, message: string): void {
  ctx.todo(`${id}: ${message}`);
  ctx.add({ key: `todo.${id}.${ctx.todos.length}`, kind: 'todo', logicalId: id, block: block('#', [], [comment(`TODO: ${id}: ${message}`)]), deps: new Set() });
}

export const partitionArn = (ctx: ConvertContext, rest: string): Hcl => ({ k: 'template', parts: ['arn:', pseudoParameter(ctx, 'AWS::Partition')!, rest] });

/** The role SAM creates for a resource: trusted by `service`, with managed policy attachments and one inline policy. */
export function serviceRole(ctx: ConvertContext, id: string, role: TfTarget, service: Hcl | string, managed: Hcl[], statements: Hcl[], boundary: CfnValue | undefined, condition: CfnValue | undefined, extra: BodyItem[] = []): void {
  emit(ctx, id, role.tfType, role.name, condition, () => [
    attr('assume_role_policy', call('jsonencode', { k: 'object', entries: [
      { key: 'Version', value: str('2012-10-17') },
      { key: 'Statement', value: { k: 'list', items: [{ k: 'object', entries: [
        { key: 'Effect', value: str('Allow') },
        { key: 'Principal', value: { k: 'object', entries: [{ key: 'Service', value: typeof service === 'string' ? str(service) : service }] } },
        { key: 'Action', value: str('sts:AssumeRole') },
      ] }] } },
    ] })),
    ...(boundary !== undefined ? [attr('permissions_boundary', expr(ctx, boundary))] : []),
    ...extra,
  ]);
  managed.forEach((arn, index) => {
    const name = ctx.uniqueName('aws_iam_role_policy_attachment', `${role.name}_${index + 1}`);
    emit(ctx, id, 'aws_iam_role_policy_attachment', name, condition, () => [attr('role', code(`${address(role)}.name`)), attr('policy_arn', arn)]);
  });
  if (statements.length) {
    const name = ctx.uniqueName('aws_iam_role_policy', `${role.name}_policy`);
    emit(ctx, id, 'aws_iam_role_policy', name, condition, () => [
      attr('role', code(`${address(role)}.id`)),
      attr('policy', call('jsonencode', { k: 'object', entries: [{ key: 'Version', value: str('2012-10-17') }, { key: 'Statement', value: { k: 'list', items: statements } }] })),
    ]);
  }
}
