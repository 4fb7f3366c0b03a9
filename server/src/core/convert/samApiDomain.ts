// SAM's custom domains (Domain of an Api / HttpApi, aws-sam-translator's api_generator.py / apiv2_generator.py): the
// domain name, one base path mapping (REST) or API mapping (HTTP) per base path, and Route53 alias records.
import { isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import type { ResourceScope } from './arguments';
import { blockBody } from './arguments';
import type { ConvertContext, TfTarget } from './context';
import { address, expr } from './expressions';
import { attr, code, nested, str, type Hcl } from './hcl';
import { propertyItems, scopeFor } from './resources';
import { emit, samTodo } from './samCommon';
import { map, counted } from './samApiValues';

/** Domain.BasePath as SAM reads it: one string or a list; each keeps only letters and digits unless NormalizeBasePath is false. */
function basePaths(domain: CfnValueMap): (CfnValue | undefined)[] {
  const raw = domain.BasePath;
  const paths = typeof raw === 'string' && raw ? [raw] : Array.isArray(raw) && raw.length ? raw : [undefined];
  return paths.map((p) => (typeof p === 'string' && domain.NormalizeBasePath !== false ? p.replace(/[^A-Za-z0-9]/g, '') : p));
}

function domainOf(ctx: ConvertContext, apiId: string, value: CfnValue): CfnValueMap | undefined {
  const domain = map(value);
  if (domain.DomainName === undefined || domain.CertificateArn === undefined) {
    samTodo(ctx, apiId, 'Domain needs DomainName and CertificateArn (SAM requires both); write the custom domain by hand');
    return undefined;
  }
  return domain;
}

/** Domain (REST) -> aws_api_gateway_domain_name (answered as AWS::ApiGateway::DomainName), base path mappings, Route53 records. */
export function restDomain(ctx: ConvertContext, apiId: string, api: TfTarget, stage: TfTarget, value: CfnValue): void {
  const domain = domainOf(ctx, apiId, value);
  if (!domain) return;
  const endpoint = domain.EndpointConfiguration ?? 'REGIONAL';
  // The properties SAM gives the AWS::ApiGateway::DomainName it generates.
  const cfn: CfnValueMap = {
    DomainName: domain.DomainName,
    [endpoint === 'REGIONAL' ? 'RegionalCertificateArn' : 'CertificateArn']: domain.CertificateArn,
    EndpointConfiguration: { Types: [endpoint], ...(domain.IpAddressType !== undefined ? { IpAddressType: domain.IpAddressType } : {}) },
  };
  for (const key of ['MutualTlsAuthentication', 'SecurityPolicy', 'OwnershipVerificationCertificateArn'] as const) if (domain[key] !== undefined) cfn[key] = domain[key];
  const target: TfTarget = { tfType: 'aws_api_gateway_domain_name', name: ctx.uniqueName('aws_api_gateway_domain_name', `${api.name}_domain`), counted: false, refAttr: 'domain_name', attributes: {} };
  const later: (() => void)[] = [];
  const scope = scopeFor(ctx, apiId, 'AWS::ApiGateway::DomainName', target, undefined, later);
  emit(ctx, apiId, target.tfType, target.name, undefined, () => Object.entries(cfn).flatMap(([k, v]) => propertyItems(scope, k, v, cfn)));
  for (const add of later) add();
  basePaths(domain).forEach((path, index, all) => {
    emit(ctx, apiId, 'aws_api_gateway_base_path_mapping', ctx.uniqueName('aws_api_gateway_base_path_mapping', `${api.name}_base_path_mapping${all.length > 1 ? `_${index + 1}` : ''}`), undefined, () => [
      attr('api_id', code(`${address(api)}.id`)),
      attr('stage_name', code(`${address(stage)}.stage_name`)),
      attr('domain_name', code(`${address(target)}.domain_name`)),
      ...(path !== undefined ? [attr('base_path', expr(ctx, path))] : []),
    ]);
  });
  const alias = endpoint === 'REGIONAL' ? ['regional_domain_name', 'regional_zone_id'] : endpoint === 'EDGE' ? ['cloudfront_domain_name', 'cloudfront_zone_id'] : undefined;
  const route53 = map(domain.Route53);
  const aliasTarget = alias
    ? { name: code(`${address(target)}.${alias[0]}`), zone: code(`${address(target)}.${alias[1]}`) }
    : { name: route53.VpcEndpointDomainName !== undefined ? expr(ctx, route53.VpcEndpointDomainName) : undefined, zone: route53.VpcEndpointHostedZoneId !== undefined ? expr(ctx, route53.VpcEndpointHostedZoneId) : undefined };
  if (domain.Route53 !== undefined) records(ctx, apiId, api, target, route53, aliasTarget, undefined);
}

/** Domain (HTTP) -> aws_apigatewayv2_domain_name with its one domain_name_configuration, API mappings, Route53 records. */
export function httpDomain(ctx: ConvertContext, apiId: string, api: TfTarget, stage: TfTarget, value: CfnValue, condition: CfnValue | undefined): void {
  const domain = domainOf(ctx, apiId, value);
  if (!domain) return;
  const target: TfTarget = { tfType: 'aws_apigatewayv2_domain_name', name: ctx.uniqueName('aws_apigatewayv2_domain_name', `${api.name}_domain`), counted: counted(condition), refAttr: 'domain_name', attributes: {} };
  const schema = ctx.data.tfResource(target.tfType)?.args;
  // SAM's DomainNameConfigurations entry; TLS_1_2 is API Gateway's default policy, which Terraform requires stated.
  const config: CfnValueMap = { CertificateArn: domain.CertificateArn, EndpointType: domain.EndpointConfiguration ?? 'REGIONAL', SecurityPolicy: domain.SecurityPolicy ?? 'TLS_1_2' };
  if (domain.OwnershipVerificationCertificateArn !== undefined) config.OwnershipVerificationCertificateArn = domain.OwnershipVerificationCertificateArn;
  if (domain.IpAddressType !== undefined) config.IpAddressType = domain.IpAddressType;
  emit(ctx, apiId, target.tfType, target.name, condition, () => [
    attr('domain_name', expr(ctx, domain.DomainName)),
    nested('domain_name_configuration', blockBody(ctx, config, {}, schema?.domain_name_configuration?.args, 'domain_name_configuration')),
    ...(isValueMap(domain.MutualTlsAuthentication) ? [nested('mutual_tls_authentication', blockBody(ctx, domain.MutualTlsAuthentication, {}, schema?.mutual_tls_authentication?.args, 'mutual_tls_authentication'))] : []),
  ]);
  basePaths(domain).forEach((path, index, all) => {
    emit(ctx, apiId, 'aws_apigatewayv2_api_mapping', ctx.uniqueName('aws_apigatewayv2_api_mapping', `${api.name}_api_mapping${all.length > 1 ? `_${index + 1}` : ''}`), condition, () => [
      attr('api_id', code(`${address(api)}.id`)),
      attr('domain_name', code(`${address(target)}.id`)),
      attr('stage', code(`${address(stage)}.id`)),
      ...(path !== undefined ? [attr('api_mapping_key', expr(ctx, path))] : []),
    ]);
  });
  const configured = `${address(target)}.domain_name_configuration[0]`;
  if (domain.Route53 !== undefined) records(ctx, apiId, api, target, map(domain.Route53), { name: code(`${configured}.target_domain_name`), zone: code(`${configured}.hosted_zone_id`) }, condition);
}

/** Domain.Route53 -> an alias A record (and AAAA with IpV6) for the domain, in the zone named by id or by name. */
function records(ctx: ConvertContext, apiId: string, api: TfTarget, domain: TfTarget, route53: CfnValueMap, alias: { name?: Hcl; zone?: Hcl }, condition: CfnValue | undefined): void {
  if (route53.HostedZoneId === undefined && route53.HostedZoneName === undefined) {
    samTodo(ctx, apiId, 'Domain.Route53 needs HostedZoneId or HostedZoneName (SAM requires one); write the aws_route53_record by hand');
    return;
  }
  if (!alias.name || !alias.zone) {
    samTodo(ctx, apiId, 'Domain.Route53 for a PRIVATE endpoint needs VpcEndpointDomainName and VpcEndpointHostedZoneId; write the aws_route53_record by hand');
    return;
  }
  const recordTarget: TfTarget = { tfType: 'aws_route53_record', name: `${api.name}_record`, counted: counted(condition), refAttr: 'fqdn', attributes: {} };
  // The zone as an AWS::Route53::RecordSet names it (HostedZoneName becomes a data source look-up there).
  const zone = (scope: ResourceScope) => (route53.HostedZoneId !== undefined ? [attr('zone_id', expr(ctx, route53.HostedZoneId))] : propertyItems(scope, 'HostedZoneName', route53.HostedZoneName, { HostedZoneName: route53.HostedZoneName }));
  for (const type of route53.IpV6 === true ? ['A', 'AAAA'] : ['A']) {
    const name = ctx.uniqueName('aws_route53_record', `${api.name}_record${type === 'AAAA' ? '_ipv6' : ''}`);
    const scope = scopeFor(ctx, apiId, 'AWS::Route53::RecordSet', { ...recordTarget, name }, condition, []);
    emit(ctx, apiId, 'aws_route53_record', name, condition, () => [
      ...zone(scope),
      attr('name', code(`${address(domain)}.domain_name`)),
      attr('type', str(type)),
      ...(route53.SetIdentifier !== undefined ? [attr('set_identifier', expr(ctx, route53.SetIdentifier))] : []),
      ...(route53.Region !== undefined ? [nested('latency_routing_policy', [attr('region', expr(ctx, route53.Region))])] : []),
      nested('alias', [attr('name', alias.name!), attr('zone_id', alias.zone!), attr('evaluate_target_health', expr(ctx, route53.EvaluateTargetHealth ?? false))]),
    ]);
  }
}
