// Terraform diagnostics against the provider schema, in every nested block of aws_* resources and data sources:
// unknown arguments and blocks (with "did you mean"), missing required arguments and blocks, a block written as
// `name = {...}` or an argument written as a block, an attribute set twice, a single block repeated.
// Silent on awscc_*, on types the data lacks, inside `dynamic` bodies it cannot follow, and on meta-arguments.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { closest } from '../../text/closest';
import type { CoreContext } from '../../context';
import { localize, type Text } from '../../present/l10n';
import { blockSchema, blockTitle, META_BLOCKS } from './blockSchema';
import { allBlocks, type HclBlock, type HclFile, type Span } from '../../syntax/hcl/hclReader';
import { META_ARGUMENTS } from './blockSchema';
import { TM } from '../../present/messages';

const MAX_DIAGNOSTICS = 200;

export function terraformDiagnostics(document: TextDocument, file: HclFile, ctx: CoreContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const say = (text: Text, args: Record<string, string> = {}) => localize(ctx.locale, text, args);
  const add = (span: { start: number; end: number }, severity: DiagnosticSeverity, code: string, message: string) => {
    if (out.length < MAX_DIAGNOSTICS) {
      out.push({ range: { start: document.positionAt(span.start), end: document.positionAt(span.end) }, severity, source: 'aws-notes', code, message });
    }
  };
  const sep = ctx.locale === 'ja' ? '' : ' ';
  for (const block of allBlocks(file.body)) {
    const schema = blockSchema(block, ctx.data);
    if (!schema) continue;
    const title = blockTitle(schema);
    const top = schema.path.length === 0;
    const known = Object.keys(schema.args);
    const seen = new Map<string, number>();
    for (const attribute of block.body.attributes) {
      const name = attribute.name.text;
      seen.set(name, (seen.get(name) ?? 0) + 1);
      if (seen.get(name) === 2) add(attribute.name, DiagnosticSeverity.Error, 'tf-duplicate-attribute', say(TM.duplicateAttribute, { name }));
      if (top && META_ARGUMENTS.has(name)) continue;
      const arg = Object.hasOwn(schema.args, name) ? schema.args[name] : undefined;
      if (!arg) {
        const suggestion = closest(name, known);
        add(attribute.name, DiagnosticSeverity.Error, 'tf-unknown-argument', say(TM.unknownArgument, { name, block: title }) + (suggestion ? sep + say(TM.didYouMean, { name: suggestion }) : ''));
      } else if (arg.block && file.text.slice(attribute.valueStart, attribute.valueEnd).trimStart().startsWith('{')) {
        // `name = [ {...} ]` is the attributes-as-blocks form some blocks accept; an object never is.
        add(attribute.name, DiagnosticSeverity.Error, 'tf-block-as-attribute', say(TM.blockAsAttribute, { name }));
      }
    }
    const blockCounts = new Map<string, number>();
    for (const nested of block.body.blocks) {
      const dynamic = nested.type.text === 'dynamic';
      const name = dynamic ? nested.labels[0]?.text : nested.type.text;
      if (!name) continue;
      blockCounts.set(name, (blockCounts.get(name) ?? 0) + (dynamic ? 2 : 1));
      if (!dynamic && META_BLOCKS.has(name) && (top || name === 'dynamic')) continue;
      const span: Span = dynamic ? nested.labels[0] : nested.type;
      const arg = Object.hasOwn(schema.args, name) ? schema.args[name] : undefined;
      if (!arg) {
        const suggestion = closest(name, known.filter((k) => schema.args[k].block));
        add(span, DiagnosticSeverity.Error, 'tf-unknown-block', say(TM.unknownBlock, { name, block: title }) + (suggestion ? sep + say(TM.didYouMean, { name: suggestion }) : ''));
      } else if (!arg.block) {
        add(span, DiagnosticSeverity.Error, 'tf-attribute-as-block', say(TM.attributeAsBlock, { name }));
      } else if (arg.max === 1 && !dynamic && blockCounts.get(name) === 2) {
        add(span, DiagnosticSeverity.Error, 'tf-too-many-blocks', say(TM.tooManyBlocks, { name, block: title }));
      }
    }
    const missing = Object.entries(schema.args)
      .filter(([name, arg]) => arg.required && !seen.has(name) && !blockCounts.has(name))
      .map(([name]) => `\`${name}\``);
    if (missing.length) add(headOf(block), DiagnosticSeverity.Error, 'tf-missing-argument', say(TM.missingArgument, { block: title, names: missing.join(', ') }));
  }
  return out;
}

/** Where a block's problems as a whole are shown: its labels (`"aws_x" "name"`) or its type word. */
function headOf(block: HclBlock): { start: number; end: number } {
  const last = block.labels[block.labels.length - 1];
  // A quoted label's span is its text: the closing quote belongs to the head too.
  return { start: block.type.start, end: last ? last.end + (last.quoted && last.terminated ? 1 : 0) : block.type.end };
}
