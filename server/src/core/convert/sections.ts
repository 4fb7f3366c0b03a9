// Parameters -> variable blocks, Conditions and Mappings -> locals, Outputs -> output blocks.
import { isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import type { ConvertContext } from './context';
import { conditionLocal, conditionRef, expr, mappingLocal } from './expressions';
import { attr, block, code, comment, literal, quote, render, str, type BodyItem, type Hcl } from './hcl';
import { snakeCase } from './naming';

function variableType(type: string): { hcl: string; kind: 'string' | 'number' | 'list' | 'numlist' } {
  if (type === 'Number') return { hcl: 'number', kind: 'number' };
  if (type === 'List<Number>') return { hcl: 'list(number)', kind: 'numlist' };
  if (type === 'CommaDelimitedList' || /^List</.test(type)) return { hcl: 'list(string)', kind: 'list' };
  return { hcl: 'string', kind: 'string' };
}

function typedValue(value: CfnValue, kind: ReturnType<typeof variableType>['kind']): Hcl {
  if (kind === 'number') return code(String(Number(value)));
  if (kind === 'list' || kind === 'numlist') {
    const items = Array.isArray(value) ? value : String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return { k: 'list', items: items.map((i) => (kind === 'numlist' ? code(String(Number(i))) : str(String(i)))) };
  }
  return literal(typeof value === 'string' || value === null ? value : String(value));
}

export function convertParameters(ctx: ConvertContext): void {
  for (const [id, definition] of Object.entries(ctx.parameters)) {
    if (!isValueMap(definition)) continue;
    const name = snakeCase(id);
    const cfnType = typeof definition.Type === 'string' ? definition.Type : 'String';
    const { hcl, kind } = variableType(cfnType);
    const body: BodyItem[] = [attr('type', code(hcl))];
    if (typeof definition.Description === 'string') body.push(attr('description', str(definition.Description)));
    if (definition.Default !== undefined) body.push(attr('default', typedValue(definition.Default, kind)));
    if (definition.NoEcho === true || definition.NoEcho === 'true') body.push(attr('sensitive', code('true')));
    if (cfnType.startsWith('AWS::SSM::Parameter::Value')) {
      body.push(comment('TODO: CloudFormation resolved this from SSM Parameter Store; use data "aws_ssm_parameter" to do the same.'));
      ctx.todo(`parameter ${id} is an SSM parameter reference`);
    }
    body.push(...validations(definition, name, kind));
    ctx.add({ key: `var.${name}`, kind: 'variable', block: block('variable', [name], body), deps: new Set() });
  }
}

function validation(condition: string, message: string): BodyItem {
  return { t: 'block', block: block('validation', [], [attr('condition', code(condition)), attr('error_message', str(message))]) };
}

/** AllowedValues, AllowedPattern, Min/MaxLength, Min/MaxValue -> validation blocks. */
function validations(definition: CfnValueMap, name: string, kind: string): BodyItem[] {
  const items: BodyItem[] = [];
  const v = `var.${name}`;
  const described = typeof definition.ConstraintDescription === 'string' ? sentence(definition.ConstraintDescription) : undefined;
  if (Array.isArray(definition.AllowedValues)) {
    const values = definition.AllowedValues.map((x) => (kind === 'number' ? String(Number(x)) : quote(String(x))));
    const check = kind === 'list' ? `alltrue([for x in ${v} : contains([${values.join(', ')}], x)])` : `contains([${values.join(', ')}], ${v})`;
    items.push(validation(check, described ?? `Must be one of: ${definition.AllowedValues.map(String).join(', ')}.`));
  }
  if (typeof definition.AllowedPattern === 'string') {
    // CloudFormation patterns must match the whole value; Terraform regex() finds a substring.
    const pattern = quote(`^(?:${definition.AllowedPattern})$`);
    items.push(validation(`can(regex(${pattern}, ${v}))`, described ?? `Must match the pattern ${definition.AllowedPattern}.`));
  }
  const len = kind === 'list' ? `length(${v})` : `length(${v})`;
  if (definition.MinLength !== undefined) items.push(validation(`${len} >= ${Number(definition.MinLength)}`, described ?? `Must be at least ${definition.MinLength} characters.`));
  if (definition.MaxLength !== undefined) items.push(validation(`${len} <= ${Number(definition.MaxLength)}`, described ?? `Must be at most ${definition.MaxLength} characters.`));
  if (definition.MinValue !== undefined) items.push(validation(`${v} >= ${Number(definition.MinValue)}`, described ?? `Must be at least ${definition.MinValue}.`));
  if (definition.MaxValue !== undefined) items.push(validation(`${v} <= ${Number(definition.MaxValue)}`, described ?? `Must be at most ${definition.MaxValue}.`));
  return items;
}

/** Terraform wants error messages to be sentences ending in "." or "?". */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.?]$/.test(capital) ? capital : `${capital}.`;
}

export function convertConditions(ctx: ConvertContext): void {
  for (const [id, definition] of Object.entries(ctx.conditions)) {
    const name = conditionLocal(id);
    const { value, deps } = ctx.collect(() => expr(ctx, definition));
    ctx.add({ key: `local.${name}`, kind: 'local', local: { name, value, comment: `Condition ${id}` }, deps });
  }
}

export function convertMappings(ctx: ConvertContext): void {
  for (const [id, definition] of Object.entries(ctx.mappings)) {
    const name = mappingLocal(ctx, id);
    const { value, deps } = ctx.collect(() => expr(ctx, definition));
    ctx.add({ key: `local.${name}`, kind: 'local', local: { name, value, comment: `Mapping ${id}` }, deps });
  }
}

export function convertOutputs(ctx: ConvertContext): void {
  const outputs = ctx.template.value.Outputs;
  if (!isValueMap(outputs)) return;
  for (const [id, definition] of Object.entries(outputs)) {
    if (!isValueMap(definition)) continue;
    const name = snakeCase(id);
    const { value: body, deps } = ctx.collect(() => {
      const items: BodyItem[] = [];
      let value = expr(ctx, definition.Value);
      if (typeof definition.Condition === 'string') value = { k: 'cond', test: conditionRef(ctx, definition.Condition), then: value, else: code('null') };
      items.push(attr('value', value));
      if (typeof definition.Description === 'string') items.push(attr('description', str(definition.Description)));
      if (isValueMap(definition.Export)) {
        const exportName = render(expr(ctx, definition.Export.Name));
        items.push(comment(`TODO: CloudFormation exported this as ${exportName}; other configurations read it with data "terraform_remote_state".`));
        ctx.todo(`output ${id} was exported (${exportName}); consumers need terraform_remote_state`);
      }
      return items;
    });
    ctx.add({ key: `output.${name}`, kind: 'output', logicalId: id, block: block('output', [name], body), deps });
  }
}
