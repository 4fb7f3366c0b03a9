// Which documents are Terraform configuration, and their parsed form (read once per document version).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readHcl, type HclFile } from './hclReader';

const TERRAFORM_LANGUAGES = new Set(['terraform', 'hcl']);
/** Variable files set values; they declare no resources, so the features do not apply. */
const VARS_LANGUAGES = new Set(['terraform-vars', 'tfvars']);

function path(uri: string): string {
  return uri.replace(/[?#].*$/, '');
}

/** `*.tf` files, or documents the editor calls terraform/hcl (but not `*.tfvars`). */
export function isTerraformDocument(document: TextDocument): boolean {
  if (VARS_LANGUAGES.has(document.languageId)) return false;
  const file = path(document.uri);
  if (/\.tfvars(\.json)?$/i.test(file) || /\.tf\.json$/i.test(file)) return false;
  return TERRAFORM_LANGUAGES.has(document.languageId) || /\.tf$/i.test(file);
}

/** Terraform's JSON syntax (`main.tf.json`). */
export function isTerraformJsonDocument(document: TextDocument): boolean {
  return /\.tf\.json$/i.test(path(document.uri)) && !VARS_LANGUAGES.has(document.languageId);
}

const cache = new WeakMap<TextDocument, { version: number; text: string; file: HclFile }>();

export function hclFile(document: TextDocument): HclFile {
  const text = document.getText();
  const cached = cache.get(document);
  if (cached && cached.version === document.version && cached.text === text) return cached.file;
  const file = readHcl(text);
  cache.set(document, { version: document.version, text, file });
  return file;
}
