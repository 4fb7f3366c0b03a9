// API Gateway stage settings Terraform models differently from CloudFormation: each REST method setting is its
// own aws_api_gateway_method_settings resource, and an HTTP API's RouteSettings map becomes repeated route_settings
// blocks keyed by route_key. Used for AWS::ApiGateway(V2)::Stage and the stages SAM generates for its APIs.
import { isFunctionValue, isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import { blockBody, type ResourceScope } from './arguments';
import { address } from './expressions';
import { attr, code, comment, nested, str, type BodyItem } from './hcl';

function todo(scope: ResourceScope, property: string, why: string): BodyItem[] {
  scope.ctx.todo(`${scope.logicalId}: ${property} ${why}`);
  return [comment(`TODO: ${property} ${why}`)];
}

/**
 * CloudFormation's ResourcePath (`/~1items~1{id}`, slashes escaped as ~1) and HttpMethod -> Terraform's method_path
 * (`items/{id}/GET`, no leading slash; `*\/*` for every method).
 */
function methodPath(path: CfnValue | undefined, method: CfnValue | undefined): string | undefined {
  if (typeof path !== 'string' || typeof method !== 'string') return undefined;
  const resource = path.replace(/^\//, '').replace(/~1/g, '/').replace(/^\//, '');
  return resource === '' ? undefined : `${resource}/${method}`;
}

/** MethodSettings -> one aws_api_gateway_method_settings per entry, on the stage being written. */
export function methodSettings(value: CfnValue, scope: ResourceScope): BodyItem[] {
  const entries = Array.isArray(value) ? value : [];
  if (!Array.isArray(value) || !entries.every((e) => isValueMap(e) && !isFunctionValue(e))) {
    return todo(scope, 'MethodSettings', 'is computed; write one aws_api_gateway_method_settings per setting');
  }
  const fields = scope.ctx.data.tfResource('aws_api_gateway_method_settings')?.args.settings?.args;
  const stage = address(scope.target);
  const out: BodyItem[] = [];
  (entries as CfnValueMap[]).forEach((entry, index) => {
    const { ResourcePath: path, HttpMethod: method, ...settings } = entry;
    const where = methodPath(path ?? '/*', method ?? '*');
    if (!where) {
      out.push(...todo(scope, `MethodSettings[${index}]`, 'has a computed or root ResourcePath; set method_path of its aws_api_gateway_method_settings by hand'));
      return;
    }
    const body = [
      attr('rest_api_id', code(`${stage}.rest_api_id`)),
      attr('stage_name', code(`${stage}.stage_name`)),
      attr('method_path', str(where)),
      nested('settings', blockBody(scope.ctx, settings, {}, fields, 'settings')),
    ];
    const name = scope.companion('aws_api_gateway_method_settings', entries.length > 1 ? `method_settings_${index + 1}` : 'method_settings', body);
    out.push(comment(`MethodSettings: see aws_api_gateway_method_settings.${name}`));
  });
  return out;
}

/** An HTTP API stage's RouteSettings (route key -> settings) -> route_settings blocks. */
export function routeSettings(value: CfnValue, scope: ResourceScope): BodyItem[] {
  if (!isValueMap(value) || isFunctionValue(value) || !Object.values(value).every((v) => isValueMap(v) && !isFunctionValue(v))) {
    return todo(scope, 'RouteSettings', 'is computed; write one route_settings block per route key');
  }
  const fields = scope.schema?.args.route_settings?.args;
  return Object.entries(value as Record<string, CfnValueMap>).map(([routeKey, settings]) =>
    nested('route_settings', [attr('route_key', str(routeKey)), ...blockBody(scope.ctx, settings, {}, fields, 'route_settings')]));
}
