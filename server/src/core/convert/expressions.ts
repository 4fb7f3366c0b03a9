// CloudFormation values and intrinsic functions -> Terraform expressions.
import { isFunctionValue, isValueMap, splitSubString, type CfnFunctionValue, type CfnValue } from '../syntax/template';
import type { ConvertContext, TfTarget } from './context';
import { block, attr, call, code, list, literal, render, str, type Hcl } from './hcl';
import { snakeCase } from './naming';
import { tfAttributeFor } from '../knowledge/attributes';

/** Converts any template value; objects become HCL objects with their keys kept as written. */
export function expr(ctx: ConvertContext, value: CfnValue | undefined): Hcl {
  if (value === undefined) return code('null');
  if (isFunctionValue(value)) return intrinsic(ctx, value);
  if (Array.isArray(value)) return list(value.filter((v) => !isNoValue(v)).map((v) => expr(ctx, v)));
  if (isValueMap(value)) {
    return {
      k: 'object',
      entries: Object.entries(value).filter(([, v]) => !isNoValue(v)).map(([key, v]) => ({ key, value: expr(ctx, v) })),
    };
  }
  return literal(value);
}

export function isNoValue(value: CfnValue | undefined): boolean {
  return isFunctionValue(value) && value.fn === 'Ref' && value.args[0] === 'AWS::NoValue';
}

export function isRef(value: CfnValue | undefined): value is CfnFunctionValue {
  return isFunctionValue(value) && value.fn === 'Ref' && typeof value.args[0] === 'string';
}

/** `aws_sqs_queue.job_queue` or `aws_sqs_queue.job_queue[0]`. */
export function address(target: TfTarget): string {
  return `${target.tfType}.${target.name}${target.counted ? '[0]' : ''}`;
}

/** Wraps compound expressions in parentheses for use as an operand. */
function operand(h: Hcl): string {
  const text = render(h);
  return /^[\w.[\]"()-]+$/.test(text) || /^\w+\(.*\)$/.test(text) ? text : `(${text})`;
}

export function conditionLocal(name: string): string {
  return snakeCase(name);
}

/** Mapping locals share the namespace with condition locals; a clash gets a prefix. */
export function mappingLocal(ctx: ConvertContext, name: string): string {
  const local = snakeCase(name);
  const clash = Object.keys(ctx.conditions).some((c) => conditionLocal(c) === local);
  return clash ? `mapping_${local}` : local;
}

/** A data source the output needs (emitted once, only when used). */
function dataSource(ctx: ConvertContext, type: string, name: string, attribute: string): Hcl {
  const key = `data.${type}.${name}`;
  ctx.use(key);
  if (!ctx.hasUnit(key)) {
    const body = type === 'aws_availability_zones' ? [attr('state', str('available'))] : [];
    ctx.add({ key, kind: 'data', block: block('data', [type, name], body), deps: new Set() });
  }
  return code(`${key}.${attribute}`);
}

/** A variable standing in for something Terraform cannot compute from this template. */
export function todoVariable(ctx: ConvertContext, name: string, description: string, type = 'string'): Hcl {
  const key = `var.${name}`;
  ctx.use(key);
  if (!ctx.hasUnit(key)) {
    ctx.todo(description);
    ctx.add({
      key,
      kind: 'variable',
      block: block('variable', [name], [attr('type', code(type)), attr('description', str(`TODO: ${description}`))]),
      deps: new Set(),
    });
  }
  return code(key);
}

function regionAttribute(ctx: ConvertContext): string {
  // hashicorp/aws 6 deprecated `name` on aws_region in favour of `region`.
  const schema = ctx.data.tfDataSource('aws_region');
  return schema && (schema.attrs.includes('region') || 'region' in schema.args) ? 'region' : 'name';
}

export function pseudoParameter(ctx: ConvertContext, name: string): Hcl | undefined {
  switch (name) {
    case 'AWS::Region':
      return dataSource(ctx, 'aws_region', 'current', regionAttribute(ctx));
    case 'AWS::AccountId':
      return dataSource(ctx, 'aws_caller_identity', 'current', 'account_id');
    case 'AWS::Partition':
      return dataSource(ctx, 'aws_partition', 'current', 'partition');
    case 'AWS::URLSuffix':
      return dataSource(ctx, 'aws_partition', 'current', 'dns_suffix');
    case 'AWS::NoValue':
      return code('null');
    case 'AWS::StackName':
      return todoVariable(ctx, 'stack_name', 'AWS::StackName has no Terraform equivalent; set a name for this configuration');
    case 'AWS::StackId':
      return todoVariable(ctx, 'stack_id', 'AWS::StackId has no Terraform equivalent');
    case 'AWS::NotificationARNs':
      return todoVariable(ctx, 'notification_arns', 'AWS::NotificationARNs has no Terraform equivalent', 'list(string)');
    default:
      return undefined;
  }
}

export function refExpr(ctx: ConvertContext, name: string): Hcl {
  const pseudo = pseudoParameter(ctx, name);
  if (pseudo) return pseudo;
  if (name in ctx.parameters) {
    ctx.use(`var.${snakeCase(name)}`);
    return code(`var.${snakeCase(name)}`);
  }
  const target = ctx.targets.get(name);
  if (target) {
    ctx.use(`resource.${target.tfType}.${target.name}`);
    return code(`${address(target)}.${target.refAttr}`);
  }
  return todoVariable(ctx, `ref_${snakeCase(name)}`, `Ref ${name}: no Terraform resource or variable was produced for it`);
}

export function getAttExpr(ctx: ConvertContext, resource: string, attribute: string): Hcl {
  const target = ctx.targets.get(resource);
  if (!target) {
    return todoVariable(ctx, `${snakeCase(resource)}_${snakeCase(attribute)}`, `GetAtt ${resource}.${attribute}: ${resource} was not converted`);
  }
  ctx.use(`resource.${target.tfType}.${target.name}`);
  const tfAttr = tfAttributeFor(ctx.data, target.tfType, target.attributes, attribute);
  if (!tfAttr.known) {
    // Two words the provider writes as one (PrimaryEndPoint.Address -> primary_endpoint_address).
    const schema = ctx.data.tfResource(target.tfType);
    const parts = tfAttr.name.split('_');
    const joined = parts.slice(1).map((_, i) => [...parts.slice(0, i), parts[i] + parts[i + 1], ...parts.slice(i + 2)].join('_'));
    const found = schema && joined.find((n) => schema.attrs.includes(n) || n in schema.args);
    if (found) return code(`${address(target)}.${found}`);
    // A reference to an attribute the resource lacks would not validate: a variable says what to set instead.
    if (schema) return todoVariable(ctx, `${snakeCase(resource)}_${snakeCase(attribute.replace(/\./g, '_'))}`, `GetAtt ${resource}.${attribute}: ${target.tfType} has no attribute ${tfAttr.name}; set its equivalent (from ${address(target)})`);
    ctx.todo(`GetAtt ${resource}.${attribute}: ${target.tfType} has no attribute ${tfAttr.name}; check the equivalent`);
  }
  return code(`${address(target)}.${tfAttr.name}`);
}

function subExpr(ctx: ConvertContext, args: CfnValue[]): Hcl {
  const source = args[0];
  const vars = isValueMap(args[1]) ? args[1] : {};
  if (typeof source !== 'string') return expr(ctx, source);
  const parts: (string | Hcl)[] = [];
  for (const part of splitSubString(source)) {
    if (part.kind === 'text') parts.push(part.text);
    else if (part.name in vars) parts.push(expr(ctx, vars[part.name]));
    else if (part.name.includes('.') && !part.name.startsWith('AWS::')) {
      const dot = part.name.indexOf('.');
      parts.push(getAttExpr(ctx, part.name.slice(0, dot), part.name.slice(dot + 1)));
    } else parts.push(refExpr(ctx, part.name));
  }
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0];
  if (parts.every((p) => typeof p === 'string')) return str(parts.join(''));
  return { k: 'template', parts };
}

function cidrExpr(ctx: ConvertContext, args: CfnValue[]): Hcl {
  const [blockValue, count, bits] = args;
  const base = expr(ctx, blockValue);
  if (typeof count !== 'number' && typeof count !== 'string') return call('cidrsubnets', base);
  const n = Number(count);
  const hostBits = Number(bits);
  if (typeof blockValue === 'string' && /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(blockValue) && Number.isFinite(n) && Number.isFinite(hostBits)) {
    const newBits = 32 - Number(blockValue.split('/')[1]) - hostBits;
    return code(`[for i in range(${n}) : cidrsubnet(${render(base)}, ${newBits}, i)]`);
  }
  const b = render(base);
  return code(`[for i in range(${render(expr(ctx, count))}) : cidrsubnet(${b}, 32 - tonumber(split("/", ${b})[1]) - ${render(expr(ctx, bits))}, i)]`);
}

function findInMapExpr(ctx: ConvertContext, args: CfnValue[]): Hcl {
  const [map, first, second] = args;
  if (typeof map !== 'string') {
    ctx.todo('Fn::FindInMap with a computed map name');
    return code('null');
  }
  const local = mappingLocal(ctx, map);
  ctx.use(`local.${local}`);
  const index = (key: CfnValue) => `[${render(expr(ctx, key))}]`;
  return code(`local.${local}${index(first)}${index(second)}`);
}

export function intrinsic(ctx: ConvertContext, value: CfnFunctionValue): Hcl {
  const a = value.args;
  switch (value.fn) {
    case 'Ref':
      return typeof a[0] === 'string' ? refExpr(ctx, a[0]) : expr(ctx, a[0]);
    case 'GetAtt': {
      const [resource, attribute] = a;
      if (typeof resource === 'string' && typeof attribute === 'string') return getAttExpr(ctx, resource, attribute);
      ctx.todo('Fn::GetAtt with a computed attribute name');
      return code('null');
    }
    case 'Sub':
      return subExpr(ctx, a);
    case 'Join': {
      const [delimiter, items] = a;
      if (delimiter === '' && Array.isArray(items)) {
        const parts = items.map((item) => (typeof item === 'string' ? item : expr(ctx, item)));
        return parts.every((p) => typeof p === 'string') ? str(parts.join('')) : { k: 'template', parts };
      }
      return call('join', expr(ctx, delimiter), expr(ctx, items));
    }
    case 'Select':
      return call('element', expr(ctx, a[1]), expr(ctx, a[0]));
    case 'Split':
      return call('split', expr(ctx, a[0]), expr(ctx, a[1]));
    case 'If': {
      const [condition, whenTrue, whenFalse] = a;
      const test = typeof condition === 'string' ? conditionRef(ctx, condition) : expr(ctx, condition);
      return { k: 'cond', test, then: expr(ctx, whenTrue), else: expr(ctx, whenFalse) };
    }
    case 'Equals':
      return code(`${operand(expr(ctx, a[0]))} == ${operand(expr(ctx, a[1]))}`);
    case 'And':
      return code(a.map((x) => operand(expr(ctx, x))).join(' && '));
    case 'Or':
      return code(a.map((x) => operand(expr(ctx, x))).join(' || '));
    case 'Not':
      return code(`!${operand(expr(ctx, a[0]))}`);
    case 'Condition':
      return typeof a[0] === 'string' ? conditionRef(ctx, a[0]) : code('null');
    case 'FindInMap':
      return findInMapExpr(ctx, a);
    case 'GetAZs':
      if (a[0] && a[0] !== '' && !isRef(a[0])) ctx.todo(`Fn::GetAZs for another region (${render(expr(ctx, a[0]))}) needs a provider alias`);
      return dataSource(ctx, 'aws_availability_zones', 'available', 'names');
    case 'Base64':
      return call('base64encode', expr(ctx, a[0]));
    case 'Cidr':
      return cidrExpr(ctx, a);
    case 'Length':
      return call('length', expr(ctx, a[0]));
    case 'ToJsonString':
      return call('jsonencode', expr(ctx, a[0]));
    case 'ImportValue': {
      const name = typeof a[0] === 'string' ? a[0] : render(expr(ctx, a[0]));
      return todoVariable(
        ctx,
        `import_${snakeCase(name)}`,
        `Fn::ImportValue ${name}: pass the exported value in, or read it with data "terraform_remote_state" from the configuration that outputs it`,
      );
    }
    case 'Transform':
      ctx.todo('Fn::Transform (macros) cannot be converted');
      return code('null');
  }
}

export function conditionRef(ctx: ConvertContext, name: string): Hcl {
  const local = conditionLocal(name);
  ctx.use(`local.${local}`);
  return code(`local.${local}`);
}
