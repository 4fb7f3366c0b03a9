// The CloudFormation/SAM feature provider: hover, completion, definition, references, outline and diagnostics
// for YAML and JSON templates (documents detectTemplate accepts). Everything else answers undefined.
import type { FeatureProvider } from '../../featureProvider';
import { PROVIDER, resolveTemplateCompletion, templateCompletion } from './completion';
import { templateDefinition, templateReferences } from './definition';
import { templateDiagnostics } from './diagnostics';
import { templateSymbols } from './documentSymbols';
import { templateHover, templateNoteQuery } from './hover';
import { parsedDocuments, type ParsedDocuments } from '../../syntax/documents';

export function createCloudFormationProvider(documents: ParsedDocuments = parsedDocuments): FeatureProvider {
  return {
    name: PROVIDER,
    hover(document, offset, ctx) {
      const open = documents.template(document);
      return open ? templateHover(document, open.template, offset, ctx) : undefined;
    },
    completion(document, offset, ctx) {
      const open = documents.template(document);
      return open ? templateCompletion(document, open.template, offset, ctx) : undefined;
    },
    resolveCompletion(item, ctx) {
      return resolveTemplateCompletion(item, ctx);
    },
    definition(document, offset) {
      const open = documents.template(document);
      return open ? templateDefinition(document, open.template, offset) : undefined;
    },
    noteQuery(document, offset, ctx) {
      const open = documents.template(document);
      return open ? templateNoteQuery(open.template, offset, ctx) : undefined;
    },
    references(document, offset) {
      const open = documents.template(document);
      return open ? templateReferences(document, open.template, offset) : undefined;
    },
    documentSymbols(document) {
      const open = documents.template(document);
      return open ? templateSymbols(document, open.template) : undefined;
    },
    diagnostics(document, ctx) {
      const open = documents.template(document);
      return open ? templateDiagnostics(document, open.template, ctx) : undefined;
    },
  };
}

export const cloudFormationProvider: FeatureProvider = createCloudFormationProvider();
