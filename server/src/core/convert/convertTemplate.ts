// What the editor's Convert command and the CLI's `convert` ask of the converter: the format of a template file,
// its resources, and the conversion of the whole template or of one resource (the one named, or the one around
// the cursor).
import type { AwsData } from '../data/awsData';
import { pathOf } from '../syntax/documents';
import { parseTemplate } from '../syntax/template';
import { convertToTerraform, type ConvertResult } from './convertToTerraform';

export type TemplateFormat = 'yaml' | 'json';

/** JSON when the editor's language, the file name or the text says so, else YAML. */
export function templateFormat(text: string, fileName: string, languageId?: string): TemplateFormat {
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  return /\.json$/i.test(pathOf(fileName)) || /^\s*\{/.test(text) ? 'json' : 'yaml';
}

/** The logical ids of the template's resources, in order. */
export function templateResourceIds(text: string, format: TemplateFormat): string[] {
  return parseTemplate(text, format).resources.map((r) => r.id);
}

export interface ConvertTarget {
  /** Convert only this logical id. */
  resource?: string;
  /** Else, when given, only the resource whose definition holds this offset (the whole template when none does). */
  offset?: number;
}

export function convertTemplate(text: string, format: TemplateFormat, data: AwsData, target: ConvertTarget = {}): ConvertResult & { resource?: string } {
  let resource = target.resource;
  const offset = target.offset;
  if (resource === undefined && offset !== undefined) {
    resource = parseTemplate(text, format).resources.find((r) => r.range.start <= offset && offset <= r.range.end)?.id;
  }
  return { ...convertToTerraform(text, format, data, { resource }), resource };
}
