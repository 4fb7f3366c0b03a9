// Hover in Terraform files: resource/data types (with their CloudFormation and SAM counterparts), arguments (with
// the CloudFormation property they correspond to) and references such as `aws_sqs_queue.jobs.arn`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import type { CoreContext } from '../../context';
import { terraformRegistryUrl } from '../../present/awsLinks';
import { notesFirst, type HoverParts } from '../../present/hoverLayout';
import type { NoteQuery } from '../../notes/noteQuery';
import { serviceSummary } from '../../present/serviceSummary';
import { provenanceText } from '../../present/identityMarkdown';
import { localize } from '../../present/l10n';
import { localizeMarkdown } from '../../present/markdownMessage';
import { inlineCode } from '../../present/sanitize';
import { cfnAttributeFor, cfnPropertyForArgument, cfnRelations, logicalIdFor, schemaFor } from './cfnMapping';
import { blockBodyAt, isLiteralAt, traversalAt, type HclBlock, type HclFile, type Span, type Traversal } from '../../syntax/hcl/hclReader';
import { blockSchema, isAwsType, META_ARGUMENTS, type BlockKind } from './blockSchema';
import { TM } from '../../present/messages';
import { nestedArgumentHover } from './nestedHover';

// Names here come from the document (labels, references, .tf.json keys): code spans only when harmless.
const code = (s: string) => inlineCode(s) || '""';

export function terraformHover(document: TextDocument, file: HclFile, offset: number, ctx: CoreContext): Hover | undefined {
  const range = (span: { start: number; end: number }) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });

  // The type label of `resource "aws_x" "name"` / `data "aws_x" "name"`.
  for (const block of file.body.blocks) {
    const kind = block.type.text;
    const label = block.labels[0];
    if ((kind === 'resource' || kind === 'data') && label && label.start <= offset && offset <= label.end && isAwsType(label.text)) {
      return { contents: { kind: 'markdown', value: typeHoverMarkdown(label.text, kind, ctx) }, range: range(label) };
    }
  }
  if (isLiteralAt(file, offset)) return undefined;

  // An argument or nested block name directly inside a resource/data block.
  const container = blockBodyAt(file, offset);
  if (container && !container.parent && (container.type.text === 'resource' || container.type.text === 'data')) {
    const tfType = container.labels[0]?.text ?? '';
    const name = nameAt(container, offset);
    if (name && isAwsType(tfType)) {
      return { contents: { kind: 'markdown', value: argumentHoverMarkdown(tfType, container.type.text, name.text, ctx) }, range: range(name) };
    }
  }

  // An argument or block name in a nested block, at any depth (nestedHover.ts).
  if (container?.parent) {
    const name = nameAt(container, offset);
    const schema = name ? blockSchema(container, ctx.data) : undefined;
    const value = schema && name ? nestedArgumentHover(schema, name.text, ctx) : undefined;
    if (value && name) return { contents: { kind: 'markdown', value }, range: range(name) };
  }

  // A reference to a resource or data source.
  const traversal = traversalAt(file, offset);
  if (traversal) {
    const value = referenceHoverMarkdown(file, traversal, document, ctx);
    if (value) return { contents: { kind: 'markdown', value }, range: range(traversal) };
  }
  return undefined;
}

function nameAt(block: HclBlock, offset: number): Span | undefined {
  for (const attribute of block.body.attributes) if (attribute.name.start <= offset && offset <= attribute.name.end) return attribute.name;
  for (const nested of block.body.blocks) if (nested.type.start <= offset && offset <= nested.type.end) return nested.type;
  return undefined;
}

/** Type, CloudFormation/SAM counterparts, required arguments, registry link, then the service and the user's notes. */
export function typeHoverMarkdown(tfType: string, kind: BlockKind, ctx: CoreContext): string {
  const { head, details } = describeTypeParts(tfType, kind, ctx);
  const service = ctx.data.serviceByTfType(tfType);
  if (!service) return details ? `${head}\n\n${details}` : head;
  const notes = ctx.notes.notesMarkdown(ctx.notes.forIdentity({ kind: 'tfType', text: tfType, serviceId: service.id, start: 0, end: tfType.length }));
  return notesFirst(head, notes, [details, serviceSummary(service, ctx.locale)]);
}

export function describeType(tfType: string, kind: BlockKind, ctx: CoreContext): string {
  const { head, details } = describeTypeParts(tfType, kind, ctx);
  return details ? `${head}\n\n${details}` : head;
}

/** One line (type, kind, CloudFormation equivalent) and the rest (description, SAM, required arguments, docs). */
function describeTypeParts(tfType: string, kind: BlockKind, ctx: CoreContext): HoverParts {
  const { data, locale } = ctx;
  const schema = schemaFor(tfType, data, kind);
  const relations = cfnRelations(tfType, data);
  const list = (names: string[]) => names.map(code).join(' · ');
  let head = `**${code(tfType)}** — ${localize(locale, kind === 'data' ? TM.dataSource : TM.resource)}`;
  if (kind === 'data') {
    if (relations.equivalent.length) head += ` · ${localize(locale, TM.cfnReadsExisting)}: ${list(relations.equivalent)}`;
  } else if (!relations.equivalent.length && relations.matched) {
    // Matched from the Terraform side only: said with its evidence, like a derived pair in the CloudFormation hover.
    head += ` · ${localize(locale, TM.cfnEquivalent)}: ${list(relations.matched.cfn)} (${provenanceText(relations.matched, locale)})`;
  } else head += ` · ${localize(locale, TM.cfnEquivalent)}: ${relations.equivalent.length ? list(relations.equivalent) : localize(locale, TM.noCfnEquivalent)}`;
  const lines: string[] = [];
  const description = kind === 'resource' ? relations.equivalent.map((c) => data.cfnType(c)?.description).find(Boolean) : undefined;
  if (description) lines.push(description);
  if (!schema && !tfType.startsWith('awscc_')) lines.push(`*${localize(locale, TM.unknownType)}*`);
  if (kind === 'resource') {
    if (relations.sam.length) lines.push(`${localize(locale, TM.samShortcuts)}: ${list(relations.sam)}`);
    if (relations.partOf.length) {
      const from = relations.partOf.map((p) => (p.property ? localize(locale, TM.propertyOf, { property: p.property, cfn: p.cfn }) : code(p.cfn)));
      lines.push(`${localize(locale, TM.partOf)}: ${from.join(' · ')}`);
    }
  }
  if (schema && kind === 'resource') {
    const required = Object.entries(schema.args).filter(([, a]) => a.required).map(([name]) => code(name));
    lines.push(`${localize(locale, TM.requiredArguments)}: ${required.length ? required.join(', ') : localize(locale, TM.none)}`);
  }
  lines.push(`[${localize(locale, TM.docs)}](${terraformRegistryUrl(tfType, kind)})`);
  return { head, details: lines.join('\n\n') };
}

export function argumentHoverMarkdown(tfType: string, kind: string, argument: string, ctx: CoreContext): string {
  const { data, locale } = ctx;
  if (META_ARGUMENTS.has(argument)) return `**${code(argument)}** — ${localize(locale, TM.metaArgument)}`;
  const schema = schemaFor(tfType, data, kind === 'data' ? 'data' : 'resource');
  const arg = schema?.args[argument];
  const lines: string[] = [];
  if (schema && !arg) lines.push(`**${code(argument)}** — ${localizeMarkdown(locale, TM.notAnArgument, { type: tfType })}`);
  else {
    const what = localizeMarkdown(locale, arg?.block ? TM.blockOf : TM.argumentOf, { type: tfType });
    const type = arg?.type ? ` · ${localize(locale, TM.attributeType)} ${code(arg.type)}` : '';
    const status = arg ? ` (${localize(locale, arg.required ? TM.required : TM.optional)}${type})` : '';
    lines.push(`**${code(argument)}** — ${what}${status}`);
  }
  if (kind !== 'resource') return lines.join('\n');
  const origin = cfnPropertyForArgument(tfType, argument, data);
  if (!origin) {
    if (!schema || arg) lines.push('', `${localize(locale, TM.cfnProperty)}: ${localize(locale, TM.noCfnProperty)}`);
    return lines.join('\n');
  }
  const property = data.cfnType(origin.cfnType)?.properties[origin.property];
  const facts: string[] = [];
  if (property?.type) facts.push(code(property.type));
  if (property) facts.push(localize(locale, property.required ? TM.cfnRequired : TM.cfnOptional));
  let line = `${localize(locale, TM.cfnProperty)}: ${code(origin.cfnType)} › **${code(origin.property)}**${facts.length ? ` (${facts.join(', ')})` : ''}`;
  const notes: string[] = [];
  if (origin.together.length) notes.push(localize(locale, TM.together, { args: origin.together.map(code).join(' + ') }));
  if (origin.alternatives.length) notes.push(localize(locale, TM.alternatives, { args: origin.alternatives.map(code).join(' | ') }));
  if (notes.length) line += ` — ${notes.join('; ')}`;
  lines.push('', line);
  if (property?.description) lines.push('', `> ${property.description}`);
  const fromNotes = ctx.notes.notesMarkdown(argumentNoteQuery(tfType, argument, ctx));
  const [head, ...rest] = lines;
  return notesFirst(head, fromNotes, [rest.join('\n').trim()]);
}

/** The notes query for an argument: the CloudFormation property it comes from, the argument itself, their words. */
export function argumentNoteQuery(tfType: string, argument: string, ctx: CoreContext): NoteQuery {
  const origin = cfnPropertyForArgument(tfType, argument, ctx.data);
  const serviceId = (origin && ctx.data.cfnType(origin.cfnType)?.service) ?? ctx.data.serviceByTfType(tfType)?.id;
  return origin ? ctx.notes.forTerm(origin.property, serviceId, [argument]) : ctx.notes.forTerm(argument, serviceId);
}

/** What Go to Definition lists in the notes for the argument under the cursor. */
export function terraformNoteQuery(file: HclFile, offset: number, ctx: CoreContext): NoteQuery | undefined {
  const container = blockBodyAt(file, offset);
  if (!container || container.parent || container.type.text !== 'resource') return undefined;
  const tfType = container.labels[0]?.text ?? '';
  const name = nameAt(container, offset);
  return name && isAwsType(tfType) && !META_ARGUMENTS.has(name.text) ? argumentNoteQuery(tfType, name.text, ctx) : undefined;
}

/** The address `aws_x.name` / `data.aws_x.name` of a traversal and the attribute after it, when it is a reference. */
export function referenceTarget(traversal: Traversal): { kind: BlockKind; tfType: string; name?: string; attribute?: string; address: string } | undefined {
  const [root, a, b, c] = traversal.parts.map((p) => p.text);
  if (root === 'data' && a && isAwsType(a)) {
    return { kind: 'data', tfType: a, name: b, attribute: c, address: b ? `data.${a}.${b}` : `data.${a}` };
  }
  if (isAwsType(root)) return { kind: 'resource', tfType: root, name: a, attribute: b, address: a ? `${root}.${a}` : root };
  return undefined;
}

export function declarationOf(file: HclFile, kind: BlockKind, tfType: string, name: string): HclBlock | undefined {
  return file.body.blocks.find((b) => b.type.text === kind && b.labels[0]?.text === tfType && b.labels[1]?.text === name);
}

function referenceHoverMarkdown(file: HclFile, traversal: Traversal, document: TextDocument, ctx: CoreContext): string | undefined {
  const target = referenceTarget(traversal);
  if (!target?.name) return undefined;
  const { data, locale } = ctx;
  const schema = schemaFor(target.tfType, data, target.kind);
  const declared = declarationOf(file, target.kind, target.tfType, target.name);
  if (!schema && !declared && !data.serviceByTfType(target.tfType)) return undefined;
  const full = traversal.parts.map((p) => p.text).join('.');
  const lines = [`**${code(full)}** — ${localize(locale, TM.reference)}`, ''];
  lines.push(
    declared
      ? localizeMarkdown(locale, TM.declaredAt, { address: target.address, line: document.positionAt(declared.start).line + 1 })
      : localizeMarkdown(locale, TM.notDeclared, { address: target.address }),
  );
  const attribute = target.attribute;
  if (attribute) {
    const message = schema?.attrs.includes(attribute) ? TM.exportedAttribute : schema?.args[attribute] ? TM.argumentAttribute : schema ? TM.unknownAttribute : undefined;
    if (message) lines.push('', localizeMarkdown(locale, message, { attr: attribute, type: target.tfType }));
  }
  if (target.kind === 'resource') {
    const logicalId = logicalIdFor(target.name);
    const origin = cfnAttributeFor(target.tfType, attribute ?? '', data);
    const forms: string[] = [];
    if (origin?.getAtt) forms.push(code(`!GetAtt ${logicalId}.${origin.getAtt}`));
    if (origin?.ref) forms.push(code(`!Ref ${logicalId}`));
    if (forms.length) lines.push('', `${localize(locale, TM.inCloudFormation)} (${code(origin!.cfnType)}): ${forms.join(' · ')}`);
  }
  lines.push('', '---', '', describeType(target.tfType, target.kind, ctx));
  const service = data.serviceByTfType(target.tfType);
  const notes = service ? ctx.notes.notesMarkdown(ctx.notes.forIdentity({ kind: 'tfType', text: target.tfType, serviceId: service.id, start: 0, end: 0 })) : '';
  const [head, ...rest] = lines;
  return notesFirst(head, notes, [rest.join('\n').trim()]);
}
