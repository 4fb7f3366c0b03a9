// CloudFormation/SAM template -> Terraform HCL (hashicorp/aws). Pure: text + data in, HCL + TODO list out.
// Types map only through the reviewed mapping; whatever cannot be converted becomes a `# TODO` comment.
import { parseTemplate } from '../syntax/template';
import type { AwsData } from '../data/awsData';
import { ConvertContext, type Unit } from './context';
import { comment, renderBlock, renderBody, type BodyItem } from './hcl';
import { convertResources, planTargets } from './resourcePass';
import { finishSamEvents } from './samEvents';
import { convertConditions, convertMappings, convertOutputs, convertParameters } from './sections';

export interface ConvertOptions {
  /** Convert only this logical id (plus the variables, locals and data blocks it uses). */
  resource?: string;
}

export interface ConvertResult {
  hcl: string;
  /** One line per piece that needs a human: unmapped types, unknown properties, functions without equivalent. */
  todos: string[];
}

export function convertToTerraform(text: string, format: 'yaml' | 'json', data: AwsData, options: ConvertOptions = {}): ConvertResult {
  const template = parseTemplate(text, format);
  const ctx = new ConvertContext(template, data);
  const header: BodyItem[] = [];
  for (const problem of template.problems.filter((p) => p.severity === 'error').slice(0, 5)) {
    header.push(comment(`TODO: template problem at offset ${problem.range.start}: ${problem.message}`));
  }
  planTargets(ctx);
  convertParameters(ctx);
  convertMappings(ctx);
  convertConditions(ctx);
  convertResources(ctx);
  finishSamEvents(ctx);
  convertOutputs(ctx);
  let units = ctx.units;
  if (options.resource !== undefined) {
    units = selectForResource(units, options.resource);
    if (!units.some((u) => u.logicalId === options.resource)) {
      header.push(comment(`TODO: no resource "${options.resource}" in this template`));
      ctx.todos.push(`no resource ${options.resource} in the template`);
    }
  }
  return { hcl: render(header, units), todos: [...ctx.todos] };
}

/** The units of one logical id (resource or output) and, transitively, the variables/locals/data they use. */
function selectForResource(units: Unit[], logicalId: string): Unit[] {
  const byKey = new Map(units.map((u) => [u.key, u]));
  const keep = new Set<string>();
  const visit = (unit: Unit) => {
    if (keep.has(unit.key)) return;
    keep.add(unit.key);
    for (const dep of unit.deps) {
      const target = byKey.get(dep);
      // Other resources are referenced, not pulled in: they are converted separately.
      if (target && target.kind !== 'resource') visit(target);
    }
  };
  for (const unit of units) if (unit.logicalId === logicalId && unit.kind !== 'output') visit(unit);
  return units.filter((u) => keep.has(u.key));
}

const ORDER: Unit['kind'][] = ['variable', 'local', 'data', 'resource', 'todo', 'output'];

function render(header: BodyItem[], units: Unit[]): string {
  const chunks: string[] = [];
  if (header.length) chunks.push(renderBody(header, ''));
  for (const kind of ORDER) {
    const ofKind = units.filter((u) => (kind === 'resource' ? u.kind === 'resource' || u.kind === 'todo' : u.kind === kind));
    if (kind === 'todo') continue;
    if (kind === 'local') {
      if (ofKind.length === 0) continue;
      const body: BodyItem[] = [];
      for (const unit of ofKind) {
        if (unit.local!.comment) body.push(comment(unit.local!.comment));
        body.push({ t: 'attr', name: unit.local!.name, value: unit.local!.value });
      }
      chunks.push(renderBlock({ type: 'locals', labels: [], body }));
      continue;
    }
    for (const unit of ofKind) chunks.push(unit.kind === 'todo' ? renderBody(unit.block!.body, '') : renderBlock(unit.block!));
  }
  return chunks.join('\n');
}
