// Hover inside a template: resource types (SAM shortcuts on top of the generic type hover), property keys
// (type, required, allowed values, the Terraform argument, note passages), intrinsic and condition functions,
// pseudo parameters and Transform (what they do and the Terraform expression of this very usage), and the
// logical ids they name. Undefined hands over to the generic AWS-name hover.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import type { CoreContext } from '../../context';
import { cfnDocUrl, terraformRegistryUrl } from '../../present/awsLinks';
import { notesFirst } from '../../present/hoverLayout';
import type { NoteQuery } from '../../notes/noteQuery';
import { cfnTypeClassText, cfnTypeParts, describeCfnType, identityHoverMarkdown } from '../../present/identityMarkdown';
import { localize, type Text } from '../../present/l10n';
import { localizeMarkdown } from '../../present/markdownMessage';
import { escapeText, fencedCode, inlineCode } from '../../present/sanitize';
import { M } from '../../present/messages';
import { longName } from '../../syntax/template/intrinsics';
import type { CfnIntrinsic, CfnParameter, CfnResource, CfnTemplate, Range } from '../../syntax/template/types';
import { CM } from '../../present/messages';
import { ownerName, propertyAtPath } from './propertySchema';
import { declaration, declarationAt, nameRefAt, PSEUDO, type Declaration, type NameRef } from './names';
import {
  CONDITION_FUNCTIONS, FUNCTION_DOCS, PSEUDO_DOCS, RESOURCE_ATTRIBUTES, SAM_EXPANSIONS, SAM_SHORTCUTS, TRANSFORM_DOCS, TRANSFORM_KEY,
} from './reference';
import {
  conditionToTerraform, getAttToTerraform, intrinsicToTerraform, propertyToTerraform, refToTerraform, answerArguments, answerText, resourceAddress, type TfExpression,
} from './terraform';

const inside = (offset: number, r: Range | undefined) => !!r && offset >= r.start && offset <= r.end;

export function templateHover(document: TextDocument, template: CfnTemplate, offset: number, ctx: CoreContext): Hover | undefined {
  const make = (value: string | undefined, range: Range): Hover | undefined =>
    value ? { contents: { kind: 'markdown', value }, range: { start: document.positionAt(range.start), end: document.positionAt(range.end) } } : undefined;

  const typed = template.resources.find((r) => inside(offset, r.typeRange));
  if (typed) return make(resourceTypeHover(template, typed.type!, ctx), typed.typeRange!);

  const location = template.nodeAt(offset);
  const call = location.intrinsic;
  if (call?.fn === 'GetAtt' && call.attribute && inside(offset, call.attribute.range) && call.target) {
    return make(attributeHover(template, call.target.name, call.attribute.name, ctx), call.attribute.range);
  }
  const sub = location.subReference;
  if (call && sub?.attribute && !sub.local && offset > sub.range.start + sub.target.length) {
    const range = { start: sub.range.start + sub.target.length + 1, end: sub.range.end };
    return make(attributeHover(template, sub.target, sub.attribute, ctx), range);
  }
  const ref = nameRefAt(template, offset);
  if (ref) return make(nameHover(template, ref, ctx), ref.range);
  if (call && inside(offset, call.nameRange) && call.nameRange.end > call.nameRange.start) {
    return make(functionHover(template, call, ctx), call.nameRange);
  }
  const declared = declarationAt(template, offset);
  if (declared) return make(declarationHover(template, declared, undefined, ctx), declared.entry.idRange);

  const path = location.path;
  if (path[0] === 'Transform') {
    const range = location.pair?.keyRange;
    const node = location.node;
    if (location.onKey && path.length === 1 && range) return make(transformKeyHover(template, ctx), range);
    if (node?.kind === 'scalar' && typeof node.value === 'string' && inside(offset, node.range)) {
      return make(transformHover(node.value, ctx), node.valueRange);
    }
    if (node?.kind === 'sequence') {
      const item = node.items.find((i) => inside(offset, i.range));
      if (item?.kind === 'scalar' && typeof item.value === 'string') return make(transformHover(item.value, ctx), item.valueRange);
    }
  }
  if (location.onKey && location.pair) {
    const key = location.pair.key;
    const keyRange = location.pair.keyRange;
    // Properties at any depth: `Properties > VpcConfig > SubnetIds`, `Rules > 0 > ExpirationInDays`.
    if (path.length >= 4 && path[0] === 'Resources' && path[2] === 'Properties') {
      const resource = template.resource(String(path[1]));
      if (resource?.type) return make(propertyHover(resource.type, path.slice(3), ctx), keyRange);
    }
    if (path.length >= 3 && path[0] === 'Globals' && path[path.length - 1] === key) {
      return make(propertyHover(`AWS::Serverless::${path[1]}`, path.slice(2), ctx), keyRange);
    }
    if (path.length === 3 && path[0] === 'Resources' && RESOURCE_ATTRIBUTES[key]) {
      return make(`**\`${key}\`** — ${localize(ctx.locale, CM.resourceAttribute)}\n\n${localize(ctx.locale, RESOURCE_ATTRIBUTES[key])}`, keyRange);
    }
  }
  return undefined;
}

function joinParts(parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p).join('\n\n');
}

function terraformLine(tf: TfExpression | undefined, ctx: CoreContext): string | undefined {
  if (!tf) return undefined;
  // Built from the template's names: untrusted, like everything in a document.
  const head = `**${localize(ctx.locale, CM.terraformExpression)}**: ${inlineCode(tf.expression)}`;
  if (tf.needs.length === 0) return head;
  return `${head}\n\n${localize(ctx.locale, CM.terraformNeeds)}:\n\n${fencedCode(tf.needs.join('\n\n'), 'hcl')}`;
}

function notesFor(ctx: CoreContext, ...terms: string[]): string | undefined {
  for (const term of terms) {
    const markdown = ctx.notes.notesMarkdown(ctx.notes.forTerm(term));
    if (markdown) return markdown;
  }
  return undefined;
}

// Resource types ---------------------------------------------------------------------------------------

function resourceTypeHover(template: CfnTemplate, type: string, ctx: CoreContext): string | undefined {
  const { data, locale } = ctx;
  // Custom resources, modules, third-party and unknown types: say what the name is, never an equivalent.
  const classText = cfnTypeClassText(type, data, locale);
  if (classText) return notesFirst(classText, notesFor(ctx, type) ?? '', []);
  const expansion = SAM_EXPANSIONS[type];
  if (expansion) {
    const list = expansion.map((t) => `\`${t}\``).join(', ');
    const service = data.cfnType(expansion[0])?.service;
    const query = service ? ctx.notes.forIdentity({ kind: 'cfnType', text: type, serviceId: service, start: 0, end: type.length }) : ctx.notes.forTerm(type);
    const { head, details } = cfnTypeParts(type, data, locale);
    const sam = `**${localize(locale, CM.samShortcut)}**: ${localize(locale, CM.samExpands, { what: list })}`;
    return notesFirst(head, ctx.notes.notesMarkdown(query), [sam, details]);
  }
  const shortcut = SAM_SHORTCUTS[type];
  if (!shortcut || !template.sam) return undefined; // the generic type hover says it all
  const serviceId = data.cfnType(type)?.service ?? data.serviceByCfnNamespace(type.split('::').slice(0, 2).join('::'))?.id;
  const base = serviceId ? identityHoverMarkdown({ kind: 'cfnType', text: type, serviceId, start: 0, end: type.length }, ctx) : undefined;
  const sam = `**${localize(locale, CM.samShortcut)}**: ${localize(locale, CM.samInstead, { sam: shortcut.sam, what: localize(locale, shortcut.what) })}`;
  return joinParts([base ?? describeCfnType(type, data, locale), '---', sam]);
}

// Properties -------------------------------------------------------------------------------------------

function propertyHover(cfnType: string, path: readonly (string | number)[], ctx: CoreContext): string | undefined {
  const { data, locale } = ctx;
  const type = data.cfnType(cfnType);
  const at = type ? propertyAtPath(type, path) : undefined;
  if (!type || !at) return undefined;
  const { spec } = at;
  const property = String(path[path.length - 1]);
  const owner = ownerName(cfnType, at.owner);
  const head = `**\`${property}\`** — ${localize(locale, CM.property, { type: owner })} · \`${spec.type}\` · ${localize(locale, spec.required ? CM.required : CM.optional)}`;
  const allowed = spec.allowed?.length ? `${localize(locale, CM.allowedValues)}: ${spec.allowed.map((a) => `\`${a}\``).join(', ')}` : undefined;
  const update = spec.update ? localize(locale, spec.update === 'replacement' ? CM.updateReplaces : CM.updateMayReplace) : undefined;
  // The Terraform argument of a top-level property (the reviewed mapping knows those).
  const tf = path.length === 1 ? propertyToTerraform(cfnType, property, ctx) : undefined;
  let tfLine: string | undefined;
  if (tf?.kind === 'argument' || tf?.kind === 'oneOf') {
    const link = terraformRegistryUrl(tf.tfType);
    tfLine = `${localize(locale, CM.terraformArgument)}: ${answerText(tf)} ([\`${tf.tfType}\`](${link}))`;
  } else if (tf?.kind === 'resource') {
    tfLine = `${localize(locale, CM.terraformArgument)}: ${localize(locale, CM.terraformSeparate)} [\`${tf.tfType}\`](${terraformRegistryUrl(tf.tfType)})`;
  } else if (tf?.kind === 'none') {
    tfLine = `${localize(locale, CM.terraformArgument)}: ${localize(locale, CM.terraformNoArgument, { tf: tf.tfType })}`;
  }
  const docs = `[${localize(locale, M.docs)}](${spec.docUrl ?? type.docUrl ?? cfnDocUrl(cfnType)})`;
  const notes = ctx.notes.notesMarkdown(propertyNoteQuery(cfnType, path, ctx)!);
  return notesFirst(head, notes, [joinParts([spec.description, allowed, update, tfLine, docs])]);
}

/** The notes query for a property key: the property, the Terraform argument it becomes, its words. */
export function propertyNoteQuery(cfnType: string, path: string | readonly (string | number)[], ctx: CoreContext): NoteQuery | undefined {
  const keys = typeof path === 'string' ? [path] : path;
  const type = ctx.data.cfnType(cfnType);
  if (!type || !propertyAtPath(type, keys)) return undefined;
  const property = String(keys[keys.length - 1]);
  const tf = keys.length === 1 ? propertyToTerraform(cfnType, property, ctx) : undefined;
  return ctx.notes.forTerm(property, type.service, answerArguments(tf));
}

/** What Go to Definition lists in the notes for the property key under the cursor. */
export function templateNoteQuery(template: CfnTemplate, offset: number, ctx: CoreContext): NoteQuery | undefined {
  const location = template.nodeAt(offset);
  if (!location.onKey || !location.pair) return undefined;
  const path = location.path;
  const key = location.pair.key;
  if (path.length >= 4 && path[0] === 'Resources' && path[2] === 'Properties') {
    const type = template.resource(String(path[1]))?.type;
    return type ? propertyNoteQuery(type, path.slice(3), ctx) : undefined;
  }
  if (path.length >= 3 && path[0] === 'Globals' && path[path.length - 1] === key) return propertyNoteQuery(`AWS::Serverless::${path[1]}`, path.slice(2), ctx);
  return undefined;
}

// Functions --------------------------------------------------------------------------------------------

function functionHover(template: CfnTemplate, call: CfnIntrinsic, ctx: CoreContext): string {
  const { locale } = ctx;
  const kind = CONDITION_FUNCTIONS.has(call.fn) ? CM.conditionFunction : CM.intrinsic;
  const head = `**\`!${call.fn}\`** (\`${longName(call.fn)}\`) — ${localize(locale, kind)}`;
  const tf = terraformLine(intrinsicToTerraform(template, call, ctx), ctx);
  const notes = notesFor(ctx, `!${call.fn}`, longName(call.fn));
  return joinParts([head, localize(locale, FUNCTION_DOCS[call.fn]), tf, notes && '---', notes]);
}

function transformKeyHover(template: CfnTemplate, ctx: CoreContext): string {
  const lines = [`**\`Transform\`** — ${localize(ctx.locale, TRANSFORM_KEY)}`];
  for (const name of template.transforms) {
    const doc = TRANSFORM_DOCS[name];
    if (doc) lines.push(`\`${name}\`: ${localize(ctx.locale, doc)}`);
  }
  return joinParts([...lines, notesFor(ctx, 'Transform')]);
}

function transformHover(name: string, ctx: CoreContext): string | undefined {
  const doc = TRANSFORM_DOCS[name];
  if (!doc) return undefined;
  const notes = notesFor(ctx, name, name.startsWith('AWS::Serverless') ? 'SAM' : name);
  return joinParts([`**\`${name}\`** — Transform`, localize(ctx.locale, doc), notes && '---', notes]);
}

// Names ------------------------------------------------------------------------------------------------

function nameHover(template: CfnTemplate, ref: NameRef, ctx: CoreContext): string | undefined {
  const { locale } = ctx;
  let usage: TfExpression | undefined;
  if (ref.use === 'getatt' && ref.intrinsic) usage = intrinsicToTerraform(template, ref.intrinsic, ctx);
  else if (ref.use === 'sub' && ref.subReference?.attribute) usage = getAttToTerraform(template, ref.name, ref.subReference.attribute, ctx);
  else if ((ref.use === 'ref' || ref.use === 'sub') && (ref.space === 'id')) usage = refToTerraform(template, ref.name, ctx);

  if (ref.space === 'id' && PSEUDO.has(ref.name)) {
    const doc = PSEUDO_DOCS[ref.name];
    const notes = notesFor(ctx, ref.name);
    return joinParts([`**\`${ref.name}\`** — ${localize(locale, CM.pseudoParameter)}`, doc && localize(locale, doc), terraformLine(usage, ctx), notes && '---', notes]);
  }
  const declared = declaration(template, ref.space, ref.name);
  if (!declared) return undefined;
  return declarationHover(template, declared, ref.use === 'dependsOn' ? undefined : usage, ctx);
}

function declarationHover(template: CfnTemplate, declared: Declaration, usage: TfExpression | undefined, ctx: CoreContext): string {
  const { locale, data } = ctx;
  // Everything below comes from the template (untrusted): code spans only via inlineCode, text escaped.
  const name = `**${inlineCode(declared.name) || '""'}**`;
  const value = (key: string) => {
    const node = declared.entry.node;
    const pair = node?.kind === 'mapping' ? node.pairs.find((p) => p.key === key) : undefined;
    return pair?.value?.kind === 'scalar' && pair.value.value !== null ? String(pair.value.value) : undefined;
  };
  switch (declared.kind) {
    case 'parameter': {
      const p = declared.entry as CfnParameter;
      const facts = [p.type && inlineCode(p.type), value('Default') !== undefined && `${localize(locale, CM.defaultValue)}: ${inlineCode(value('Default')!)}`].filter(Boolean).join(' · ');
      const allowed = allowedValues(declared);
      return joinParts([
        `${name} — ${localize(locale, CM.parameter)}${facts ? ` · ${facts}` : ''}`,
        value('Description') !== undefined && escapeText(value('Description')!),
        allowed && `${localize(locale, CM.allowedValues)}: ${allowed}`,
        terraformLine(usage ?? refToTerraform(template, declared.name, ctx), ctx),
      ]);
    }
    case 'resource': {
      const r = declared.entry as CfnResource;
      const type = r.type ? data.cfnType(r.type) : undefined;
      const refReturns = type?.refReturns ? localize(locale, CM.refReturns, { what: type.refReturns }) : undefined;
      const address = resourceAddress(template, declared.name, ctx);
      return joinParts([
        `${name} — ${localize(locale, CM.resource)}${r.type ? ` ${inlineCode(r.type)}` : ''}`,
        type?.description,
        refReturns,
        usage ? terraformLine(usage, ctx) : address && `**${localize(locale, CM.terraformExpression)}**: ${inlineCode(address)}`,
      ]);
    }
    case 'condition': {
      const local = conditionToTerraform(declared.name).replace(/^local\./, '');
      return joinParts([
        `${name} — ${localize(locale, CM.condition)}`,
        `**${localize(locale, CM.terraformExpression)}**: ${inlineCode(`local.${local}`)} — ${localizeMarkdown(locale, CM.countFromCondition, { local })}`,
      ]);
    }
    case 'mapping':
      return joinParts([`${name} — ${localize(locale, CM.mapping)}`, localize(locale, FUNCTION_DOCS.FindInMap)]);
  }
}

function allowedValues(declared: Declaration): string | undefined {
  const node = declared.entry.node;
  const pair = node?.kind === 'mapping' ? node.pairs.find((p) => p.key === 'AllowedValues') : undefined;
  if (pair?.value?.kind !== 'sequence') return undefined;
  const values = pair.value.items.filter((i) => i.kind === 'scalar').map((i) => inlineCode(String((i as { value: unknown }).value)) || '""');
  return values.length ? values.join(', ') : undefined;
}

function attributeHover(template: CfnTemplate, resourceId: string, attribute: string, ctx: CoreContext): string | undefined {
  const resource = template.resource(resourceId);
  if (!resource?.type) return undefined;
  const text: Text = CM.attributeOf;
  return joinParts([
    `**${inlineCode(attribute) || '""'}** — ${localizeMarkdown(ctx.locale, text, { type: resource.type })}`,
    terraformLine(getAttToTerraform(template, resourceId, attribute, ctx), ctx),
  ]);
}
