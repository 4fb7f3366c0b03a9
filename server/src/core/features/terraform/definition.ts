// Go to Definition on a reference (`aws_sqs_queue.jobs`, `data.x.y`, `var.x`, `local.x`, `module.x`): the block or
// local value that declares it, in the same file.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import { isLiteralAt, traversalAt, type HclFile, type Span } from '../../syntax/hcl/hclReader';
import { declarationOf, referenceTarget } from './hover';

export function terraformDefinition(document: TextDocument, file: HclFile, offset: number): Location[] | undefined {
  if (isLiteralAt(file, offset)) return undefined;
  const traversal = traversalAt(file, offset);
  if (!traversal || traversal.parts.length < 2) return undefined;
  const [root, name] = traversal.parts.map((p) => p.text);
  let target: Span | undefined;
  const reference = referenceTarget(traversal);
  if (reference?.name) {
    const block = declarationOf(file, reference.kind, reference.tfType, reference.name);
    target = block?.labels[1];
  } else if (root === 'var' || root === 'module') {
    const kind = root === 'var' ? 'variable' : 'module';
    target = file.body.blocks.find((b) => b.type.text === kind && b.labels[0]?.text === name)?.labels[0];
  } else if (root === 'local') {
    for (const block of file.body.blocks) {
      if (block.type.text !== 'locals') continue;
      target = block.body.attributes.find((a) => a.name.text === name)?.name;
      if (target) break;
    }
  } else return undefined;
  if (!target) return reference || root === 'var' || root === 'module' || root === 'local' ? [] : undefined;
  return [{ uri: document.uri, range: { start: document.positionAt(target.start), end: document.positionAt(target.end) } }];
}
