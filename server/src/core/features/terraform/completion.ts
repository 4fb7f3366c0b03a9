// Completion in Terraform files: resource/data types inside `resource "` / `data "`, argument names inside a
// resource block, and attribute references after `aws_x.name.`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';
import type { CoreContext } from '../../context';
import { localize } from '../../present/l10n';
import { fuzzyScore } from '../../text/fuzzy';
import { schemaFor } from './cfnMapping';
import { blockSchema } from './blockSchema';
import { blockBodyAt, isLiteralAt, type HclBlock, type HclFile } from '../../syntax/hcl/hclReader';
import { isAwsType, META_ARGUMENTS, type BlockKind } from './blockSchema';
import { describeType } from './hover';
import { TM } from '../../present/messages';
import { cfnEquivalence } from '../../knowledge/types';

export const PROVIDER_NAME = 'terraform';
const MAX_TYPE_ITEMS = 200;
/** Arguments the schema lists but nobody writes (computed or deprecated ids). */
const HIDDEN_ARGUMENTS = new Set(['id', 'tags_all']);

/** The data of a type item, alike for every item of a list (the label names the type; issue 16: sent once). */
export interface TypeItemData {
  provider: typeof PROVIDER_NAME;
  /** Items of earlier versions named the type here. */
  tfType?: string;
  kind: BlockKind;
}

export function terraformCompletion(document: TextDocument, file: HclFile, offset: number, ctx: CoreContext): CompletionItem[] | CompletionList | undefined {
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(end) });

  // 1. The type label: resource "aws_sq|" or data "aws_|
  for (const block of file.body.blocks) {
    const kind = block.type.text;
    const label = block.labels[0];
    if ((kind === 'resource' || kind === 'data') && label?.quoted && label.start <= offset && offset <= label.end) {
      return typeItems(kind, file.text.slice(label.start, offset), range(label.start, label.end), ctx);
    }
  }
  if (isLiteralAt(file, offset)) return undefined;

  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset);

  // 2. References: aws_x.| aws_x.name.| data.aws_x.name.|
  const ref = /(?:^|[^\w.-])(data\.)?(aws(?:cc)?_[a-z0-9_]+)\.(?:([\w-]+)\.)?([\w-]*)$/.exec(before);
  if (ref) {
    const [, dataPrefix, tfType, name, partial] = ref;
    const kind: BlockKind = dataPrefix ? 'data' : 'resource';
    const replace = range(offset - partial.length, offset);
    return name ? attributeItems(tfType, kind, replace, ctx) : nameItems(file, tfType, kind, replace, ctx);
  }

  // 3. Argument names at the start of a line inside a resource or data block.
  const word = /^\s*([\w-]*)$/.exec(before);
  if (word) {
    const block = blockBodyAt(file, offset);
    if (block?.parent) return nestedArgumentItems(file, block, offset, range(offset - word[1].length, offset), ctx);
    if (!block || (block.type.text !== 'resource' && block.type.text !== 'data')) return undefined;
    // Not inside a multi-line value (tags = {\n  |).
    if (block.body.attributes.some((a) => a.valueStart < offset && offset < a.valueEnd)) return undefined;
    const tfType = block.labels[0]?.text ?? '';
    if (!isAwsType(tfType)) return undefined;
    return argumentItems(block, tfType, block.type.text as BlockKind, range(offset - word[1].length, offset), ctx);
  }
  return undefined;
}

function typeItems(kind: BlockKind, typed: string, replace: Range, ctx: CoreContext): CompletionList {
  const names = new Set(kind === 'data' ? ctx.data.tfDataSourceNames() : ctx.data.tfResourceNames());
  if (kind === 'resource') {
    // awscc types are known through the knowledge layer's naming rule (the data holds the hashicorp/aws schema only).
    for (const cfn of ctx.data.cfnTypeNames()) {
      const awscc = cfnEquivalence(ctx.data, cfn).awscc;
      if (awscc) names.add(awscc);
    }
  }
  const scored: { name: string; score: number }[] = [];
  for (const name of names) {
    const score = typed ? fuzzyScore(typed, name) : 0;
    if (score >= 0) scored.push({ name, score });
  }
  scored.sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name));
  const data: TypeItemData = { provider: PROVIDER_NAME, kind };
  const items = scored.slice(0, MAX_TYPE_ITEMS).map(({ name }, index): CompletionItem => {
    const service = ctx.data.serviceByTfType(name);
    return {
      label: name,
      kind: CompletionItemKind.Class,
      detail: service ? service.name : localize(ctx.locale, kind === 'data' ? TM.dataSource : TM.resource),
      sortText: String(index).padStart(4, '0'),
      filterText: name,
      textEdit: { range: replace, newText: name },
      data,
    };
  });
  return { isIncomplete: scored.length > MAX_TYPE_ITEMS, items };
}

/** Adds the documentation of a type item when the editor shows it. */
export function resolveTypeItem(item: CompletionItem, ctx: CoreContext): CompletionItem {
  const data = item.data as Partial<TypeItemData> | undefined;
  const tfType = data?.tfType ?? item.label;
  if (!tfType || (data?.kind !== 'resource' && data?.kind !== 'data')) return item;
  return { ...item, documentation: { kind: 'markdown', value: describeType(tfType, data.kind, ctx) } };
}

function argumentItems(block: HclBlock, tfType: string, kind: BlockKind, replace: Range, ctx: CoreContext): CompletionItem[] | undefined {
  const schema = schemaFor(tfType, ctx.data, kind);
  if (!schema) return undefined;
  const present = new Set([...block.body.attributes.map((a) => a.name.text), ...block.body.blocks.map((b) => b.type.text)]);
  const items: CompletionItem[] = [];
  for (const [name, arg] of Object.entries(schema.args)) {
    if (present.has(name) || HIDDEN_ARGUMENTS.has(name)) continue;
    if (kind === 'data' && arg.block) continue;
    const status = localize(ctx.locale, arg.required ? TM.required : TM.optional);
    items.push({
      label: name,
      kind: arg.block ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: arg.block ? `${localize(ctx.locale, TM.blockInsert)} (${status})` : status,
      sortText: `${arg.required ? '0' : arg.block ? '2' : '1'}_${name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: replace, newText: arg.block ? `${name} {\n  $0\n}` : `${name} = $0` },
    });
  }
  if (kind === 'resource') {
    for (const name of META_ARGUMENTS) {
      if (present.has(name) || name === 'connection' || name === 'provisioner') continue;
      const isBlock = name === 'lifecycle';
      items.push({
        label: name,
        kind: CompletionItemKind.Keyword,
        detail: localize(ctx.locale, TM.metaArgument),
        sortText: `9_${name}`,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: replace, newText: isBlock ? `${name} {\n  $0\n}` : `${name} = $0` },
      });
    }
  }
  return items;
}

/** Arguments and blocks of a nested block (`vpc_config { | }`), required first, without those already there. */
function nestedArgumentItems(file: HclFile, block: HclBlock, offset: number, replace: Range, ctx: CoreContext): CompletionItem[] | undefined {
  if (block.body.attributes.some((a) => a.valueStart < offset && offset < a.valueEnd)) return undefined;
  const schema = blockSchema(block, ctx.data);
  if (!schema) return undefined;
  const present = new Set([...block.body.attributes.map((a) => a.name.text), ...block.body.blocks.map((b) => b.type.text)]);
  const items: CompletionItem[] = [];
  for (const [name, arg] of Object.entries(schema.args)) {
    // A block may repeat unless it is a single one.
    if (present.has(name) && (!arg.block || arg.max === 1)) continue;
    const status = localize(ctx.locale, arg.required ? TM.required : TM.optional);
    items.push({
      label: name,
      kind: arg.block ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: arg.block ? `${localize(ctx.locale, TM.blockInsert)} (${status})` : `${arg.type ?? ''}${arg.type ? ' · ' : ''}${status}`,
      sortText: `${arg.required ? '0' : arg.block ? '2' : '1'}_${name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: replace, newText: arg.block ? `${name} {\n  $0\n}` : `${name} = $0` },
    });
  }
  return items;
}

function nameItems(file: HclFile, tfType: string, kind: BlockKind, replace: Range, ctx: CoreContext): CompletionItem[] {
  return file.body.blocks
    .filter((b) => b.type.text === kind && b.labels[0]?.text === tfType && b.labels[1]?.text)
    .map((b) => ({
      label: b.labels[1].text,
      kind: CompletionItemKind.Reference,
      detail: localize(ctx.locale, TM.resourceNamed, { type: tfType }),
      textEdit: { range: replace, newText: b.labels[1].text },
    }));
}

function attributeItems(tfType: string, kind: BlockKind, replace: Range, ctx: CoreContext): CompletionItem[] {
  const schema = schemaFor(tfType, ctx.data, kind);
  if (!schema) return [];
  const items: CompletionItem[] = schema.attrs.map((attr) => ({
    label: attr,
    kind: CompletionItemKind.Field,
    detail: localize(ctx.locale, TM.exportedAttribute, { attr, type: tfType }).replace(/`/g, ''),
    sortText: `0_${attr}`,
    textEdit: { range: replace, newText: attr },
  }));
  for (const [name, arg] of Object.entries(schema.args)) {
    if (schema.attrs.includes(name) || arg.block) continue;
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: localize(ctx.locale, TM.argumentAttribute, { attr: name, type: tfType }).replace(/`/g, ''),
      sortText: `1_${name}`,
      textEdit: { range: replace, newText: name },
    });
  }
  return items;
}
