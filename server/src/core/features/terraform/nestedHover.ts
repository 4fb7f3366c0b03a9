// Hover on an argument or block name inside a nested block (`vpc_config { subnet_ids = ... }`), at any depth:
// what it is, its type or repetitions, whether it is required, and the notes that mention it.
import type { CoreContext } from '../../context';
import { terraformRegistryUrl } from '../../present/awsLinks';
import { notesFirst } from '../../present/hoverLayout';
import { localize } from '../../present/l10n';
import { localizeMarkdown } from '../../present/markdownMessage';
import { inlineCode } from '../../present/sanitize';
import { blockTitle, type BlockSchema } from './blockSchema';
import { TM } from '../../present/messages';

const code = (s: string) => inlineCode(s) || '""';

export function nestedArgumentHover(schema: BlockSchema, name: string, ctx: CoreContext): string | undefined {
  const { locale } = ctx;
  const arg = Object.hasOwn(schema.args, name) ? schema.args[name] : undefined;
  const title = blockTitle(schema);
  if (!arg) return `**${code(name)}** — ${localizeMarkdown(locale, TM.notAnArgument, { type: title })}`;
  const facts = [localize(locale, arg.required ? TM.required : TM.optional)];
  if (arg.type) facts.push(`${localize(locale, TM.attributeType)} ${code(arg.type)}`);
  if (arg.block && arg.max === 1) facts.push(localize(locale, TM.atMostOne));
  const head = `**${code(name)}** — ${localizeMarkdown(locale, arg.block ? TM.blockOf : TM.argumentOf, { type: title })} (${facts.join(' · ')})`;
  const lines: string[] = [];
  if (arg.block && arg.args) {
    const required = Object.entries(arg.args).filter(([, a]) => a.required).map(([n]) => code(n));
    lines.push(`${localize(locale, TM.requiredArguments)}: ${required.length ? required.join(', ') : localize(locale, TM.none)}`);
  }
  lines.push(`[${localize(locale, TM.docs)}](${terraformRegistryUrl(schema.tfType, schema.kind)})`);
  const service = ctx.data.serviceByTfType(schema.tfType);
  const notes = ctx.notes.notesMarkdown(ctx.notes.forTerm(name, service?.id));
  return notesFirst(head, notes, [lines.join('\n\n')]);
}
