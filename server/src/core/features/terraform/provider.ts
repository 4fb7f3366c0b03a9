// The Terraform feature provider: hover, completion, definition and outline for `*.tf` files; hover and outline
// for `*.tf.json`.
import type { FeatureProvider } from '../../featureProvider';
import { PROVIDER_NAME, resolveTypeItem, terraformCompletion } from './completion';
import { terraformDefinition } from './definition';
import { terraformDiagnostics } from './diagnostics';
import { hclFile, isTerraformDocument, isTerraformJsonDocument } from '../../syntax/hcl/document';
import { terraformJsonHover, terraformJsonSymbols } from './jsonSyntax';
import { terraformHover, terraformNoteQuery } from './hover';
import { terraformSymbols } from './symbols';

export const terraformProvider: FeatureProvider = {
  name: PROVIDER_NAME,
  hover(document, offset, ctx) {
    if (isTerraformJsonDocument(document)) return terraformJsonHover(document, offset, ctx);
    if (!isTerraformDocument(document)) return undefined;
    return terraformHover(document, hclFile(document), offset, ctx);
  },
  completion(document, offset, ctx) {
    if (!isTerraformDocument(document)) return undefined;
    return terraformCompletion(document, hclFile(document), offset, ctx);
  },
  resolveCompletion(item, ctx) {
    return resolveTypeItem(item, ctx);
  },
  definition(document, offset) {
    if (!isTerraformDocument(document)) return undefined;
    return terraformDefinition(document, hclFile(document), offset);
  },
  noteQuery(document, offset, ctx) {
    if (!isTerraformDocument(document)) return undefined;
    return terraformNoteQuery(hclFile(document), offset, ctx);
  },
  diagnostics(document, ctx) {
    if (!isTerraformDocument(document)) return undefined;
    return terraformDiagnostics(document, hclFile(document), ctx);
  },
  documentSymbols(document) {
    if (isTerraformJsonDocument(document)) return terraformJsonSymbols(document);
    if (!isTerraformDocument(document)) return undefined;
    return terraformSymbols(document, hclFile(document));
  },
};
