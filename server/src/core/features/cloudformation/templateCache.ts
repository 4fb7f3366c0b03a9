// Parsed templates per (uri, version): hover, completion, definition and diagnostics often ask about the same
// text one after another. A small LRU keeps the last few documents; the text is compared too, because
// in-memory documents (tests, untitled files) may reuse a version number.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectTemplate, type TemplateKind } from '../../../../../shared/detectTemplate';
import { parseTemplate } from '../../syntax/template/parseTemplate';
import type { CfnTemplate } from '../../syntax/template/types';

export interface OpenTemplate {
  kind: TemplateKind;
  template: CfnTemplate;
}

const TEMPLATE_LANGUAGES = new Set(['yaml', 'json', 'jsonc', 'cloudformation']);
const TEMPLATE_FILE = /\.(ya?ml|json|jsonc|template)$/i;

/** The format to detect with: the language id when it is a YAML/JSON one, else the file name. */
function detectionKey(document: TextDocument): string | undefined {
  const languageId = document.languageId.toLowerCase();
  if (TEMPLATE_LANGUAGES.has(languageId)) return languageId;
  const path = document.uri.split(/[?#]/)[0];
  const name = path.slice(path.lastIndexOf('/') + 1);
  return TEMPLATE_FILE.test(name) ? name : undefined;
}

export class TemplateCache {
  private readonly entries = new Map<string, { version: number; text: string; value: OpenTemplate | undefined }>();

  constructor(private readonly capacity = 8) {}

  /** The parsed template, or undefined when the document is not a CloudFormation/SAM template. */
  get(document: TextDocument): OpenTemplate | undefined {
    const text = document.getText();
    const hit = this.entries.get(document.uri);
    if (hit && hit.version === document.version && hit.text === text) {
      // Refresh recency.
      this.entries.delete(document.uri);
      this.entries.set(document.uri, hit);
      return hit.value;
    }
    const value = this.parse(document, text);
    this.entries.delete(document.uri);
    this.entries.set(document.uri, { version: document.version, text, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  private parse(document: TextDocument, text: string): OpenTemplate | undefined {
    const key = detectionKey(document);
    if (!key) return undefined;
    const kind = detectTemplate(text, key);
    if (!kind) return undefined;
    return { kind, template: parseTemplate(text, kind.format) };
  }
}
