// The Terraform feature provider: hover, completion, definition and outline for `*.tf` files; hover and outline
// for `*.tf.json`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureProvider } from '../../featureProvider';
import { parsedDocuments } from '../../syntax/documents';
import { PROVIDER_NAME, resolveTypeItem, terraformCompletion } from './completion';
import { terraformDefinition } from './definition';
import { terraformDiagnostics } from './diagnostics';
import { terraformJsonHover, terraformJsonSymbols } from './jsonSyntax';
import { terraformHover, terraformNoteQuery } from './hover';
import { terraformSymbols } from './symbols';

const hcl = (document: TextDocument) => parsedDocuments.hcl(document);

export const terraformProvider: FeatureProvider = {
  name: PROVIDER_NAME,
  hover(document, offset, ctx) {
    const json = parsedDocuments.terraformJson(document);
    if (json) return terraformJsonHover(document, json, offset, ctx);
    const file = hcl(document);
    return file && terraformHover(document, file, offset, ctx);
  },
  completion(document, offset, ctx) {
    const file = hcl(document);
    return file && terraformCompletion(document, file, offset, ctx);
  },
  resolveCompletion(item, ctx) {
    return resolveTypeItem(item, ctx);
  },
  definition(document, offset) {
    const file = hcl(document);
    return file && terraformDefinition(document, file, offset);
  },
  noteQuery(document, offset, ctx) {
    const file = hcl(document);
    return file && terraformNoteQuery(file, offset, ctx);
  },
  diagnostics(document, ctx) {
    const file = hcl(document);
    return file && terraformDiagnostics(document, file, ctx);
  },
  documentSymbols(document) {
    const json = parsedDocuments.terraformJson(document);
    if (json) return terraformJsonSymbols(document, json);
    const file = hcl(document);
    return file && terraformSymbols(document, file);
  },
};
