// The hover on an AWS identifier in any file (a type, IAM action, ARN, principal, SDK client or call, service
// name) that no language's own provider answered: its Markdown is built in present/identityMarkdown.ts, which
// template and Terraform hovers share for the types they show.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import type { CoreContext } from '../../context';
import { identityHoverMarkdown } from '../../present/identityMarkdown';
import type { Identity } from '../../recognize/identities';

export function identityHover(document: TextDocument, identity: Identity, ctx: CoreContext): Hover | null {
  const value = identityHoverMarkdown(identity, ctx);
  if (!value) return null;
  return {
    contents: { kind: 'markdown', value },
    range: { start: document.positionAt(identity.start), end: document.positionAt(identity.end) },
  };
}
