// What kind of document this is, and its parsed form: decided and cached in one place, so hover, completion,
// definition, diagnostics, symbols and CodeLens agree on the kind and parse each document version once.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectTemplate, type TemplateKind } from '../../../../shared/detectTemplate';
import { readHcl, type HclFile } from './hcl/hclReader';
import { parseTemplate } from './template/parseTemplate';
import type { CfnMapping, CfnTemplate } from './template/types';

export type DocumentKind =
  /** Markdown or plain text: prose rules, except inside code blocks. */
  | 'prose'
  /** A CloudFormation or SAM template (YAML or JSON). */
  | 'template'
  /** Terraform configuration in HCL (`*.tf`). */
  | 'terraform'
  /** Terraform configuration in JSON (`*.tf.json`). */
  | 'terraformJson'
  /** Anything else (programs, policies, `*.tfvars`): identifiers are recognised with the code rules. */
  | 'code';

export interface OpenTemplate {
  kind: TemplateKind;
  template: CfnTemplate;
}

const PROSE_LANGUAGES = new Set(['markdown', 'plaintext', 'restructuredtext', 'asciidoc', 'latex']);
const TERRAFORM_LANGUAGES = new Set(['terraform', 'hcl']);
/** Variable files set values; they declare no resources, so the Terraform features do not apply. */
const VARS_LANGUAGES = new Set(['terraform-vars', 'tfvars']);
const TEMPLATE_LANGUAGES = new Set(['yaml', 'json', 'jsonc', 'cloudformation']);
const TEMPLATE_FILE = /\.(ya?ml|json|jsonc|template)$/i;

/** A URI or file name without its query and fragment. */
export const pathOf = (uri: string) => uri.replace(/[?#].*$/, '');

/** Markdown and plain text are read as prose; the language id decides (an untitled note has no file name). */
export function isProse(document: Pick<TextDocument, 'languageId'>): boolean {
  return PROSE_LANGUAGES.has(document.languageId);
}

/**
 * The kind from the language id and file name, and for YAML/JSON from the text (is it a template?). A template
 * file the editor opened as plain text is still a template (its name says so).
 */
export function classifyDocument(document: Pick<TextDocument, 'languageId' | 'uri'>, text: string): DocumentKind {
  const file = pathOf(document.uri);
  if (VARS_LANGUAGES.has(document.languageId) || /\.tfvars(\.json)?$/i.test(file)) return 'code';
  if (/\.tf\.json$/i.test(file)) return 'terraformJson';
  if (TERRAFORM_LANGUAGES.has(document.languageId) || /\.tf$/i.test(file)) return 'terraform';
  if (templateKind(document, text)) return 'template';
  return isProse(document) ? 'prose' : 'code';
}

/** The format to detect a template with: the language id when it is a YAML/JSON one, else the file name. */
function templateKind(document: Pick<TextDocument, 'languageId' | 'uri'>, text: string): TemplateKind | undefined {
  const languageId = document.languageId.toLowerCase();
  const file = pathOf(document.uri);
  const name = file.slice(file.lastIndexOf('/') + 1);
  const key = TEMPLATE_LANGUAGES.has(languageId) ? languageId : TEMPLATE_FILE.test(name) ? name : undefined;
  return key ? detectTemplate(text, key) : undefined;
}

interface Entry {
  version: number;
  /** A changed language mode reopens the document with the same URI, version and text. */
  languageId: string;
  text: string;
  kind: DocumentKind;
  template?: OpenTemplate;
  hcl?: HclFile;
  json?: CfnMapping | null;
}

/**
 * The last few documents' kinds and parses, per (uri, version, text): features often ask about the same text one
 * after another. The text is compared too, because in-memory documents (tests, untitled files) reuse versions.
 */
export class ParsedDocuments {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 16) {}

  kind(document: TextDocument): DocumentKind {
    return this.entry(document).kind;
  }

  /** The parsed template, or undefined when the document is not a CloudFormation/SAM template. */
  template(document: TextDocument): OpenTemplate | undefined {
    const entry = this.entry(document);
    if (entry.kind !== 'template') return undefined;
    if (!entry.template) {
      const kind = templateKind(document, entry.text)!;
      entry.template = { kind, template: parseTemplate(entry.text, kind.format) };
    }
    return entry.template;
  }

  /** The HCL file of a Terraform document, else undefined. */
  hcl(document: TextDocument): HclFile | undefined {
    const entry = this.entry(document);
    if (entry.kind !== 'terraform') return undefined;
    return (entry.hcl ??= readHcl(entry.text));
  }

  /** The root object of a `*.tf.json` document (read with the position-keeping YAML/JSON reader), else undefined. */
  terraformJson(document: TextDocument): CfnMapping | undefined {
    const entry = this.entry(document);
    if (entry.kind !== 'terraformJson') return undefined;
    if (entry.json === undefined) {
      const root = parseTemplate(entry.text, 'json').root;
      entry.json = root?.kind === 'mapping' ? root : null;
    }
    return entry.json ?? undefined;
  }

  private entry(document: TextDocument): Entry {
    const text = document.getText();
    const hit = this.entries.get(document.uri);
    this.entries.delete(document.uri);
    if (hit && hit.version === document.version && hit.languageId === document.languageId && hit.text === text) {
      this.entries.set(document.uri, hit); // most recent last
      return hit;
    }
    const entry: Entry = { version: document.version, languageId: document.languageId, text, kind: classifyDocument(document, text) };
    this.entries.set(document.uri, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }
}

/** The one cache the language service's features share (a language service serves one editor). */
export const parsedDocuments = new ParsedDocuments();
