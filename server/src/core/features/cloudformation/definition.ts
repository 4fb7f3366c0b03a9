// Go to definition and find references inside one template: `!Ref X`, `!GetAtt X.Attr`, `${X}` in `!Sub`,
// DependsOn, Condition attributes, `!If`/`!Condition`, `!FindInMap` map names, short and long forms.
// Anything else answers undefined so that the generic note definitions (e.g. on AWS::SQS::Queue) still run.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import type { CfnTemplate, Range } from '../../syntax/template/types';
import { declaration, declarationAt, nameRefAt, nameRefs, type NameSpace } from './names';

function location(document: TextDocument, range: Range): Location {
  return { uri: document.uri, range: { start: document.positionAt(range.start), end: document.positionAt(range.end) } };
}

export function templateDefinition(document: TextDocument, template: CfnTemplate, offset: number): Location[] | undefined {
  const ref = nameRefAt(template, offset);
  if (!ref) return undefined;
  const target = declaration(template, ref.space, ref.name);
  return target ? [location(document, target.entry.idRange)] : undefined;
}

/** Uses of the name under the offset (on a use or on its declaration), the declaration first. */
export function templateReferences(document: TextDocument, template: CfnTemplate, offset: number): Location[] | undefined {
  let space: NameSpace;
  let name: string;
  const ref = nameRefAt(template, offset);
  if (ref) {
    ({ space, name } = ref);
  } else {
    const declared = declarationAt(template, offset);
    if (!declared) return undefined;
    ({ space, name } = declared);
  }
  const target = declaration(template, space, name);
  const uses = nameRefs(template).filter((r) => r.space === space && r.name === name);
  if (!target && uses.length === 0) return undefined;
  return [...(target ? [target.entry.idRange] : []), ...uses.map((u) => u.range)].map((r) => location(document, r));
}
