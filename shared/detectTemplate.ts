// Is this YAML/JSON document a CloudFormation or SAM template? Cheap text checks, no parse.

export interface TemplateKind {
  format: 'yaml' | 'json';
  sam: boolean;
}

const FORMAT_VERSION = /^[ \t{]*["']?AWSTemplateFormatVersion["']?[ \t]*:/m;
const SAM_TRANSFORM = /["']?Transform["']?[ \t]*:[ \t\r\n\-[]*["']?AWS::Serverless-/;
const RESOURCES = /^[ \t{]*["']?Resources["']?[ \t]*:/m;
const RESOURCE_TYPE = /["']?Type["']?[ \t]*:[ \t]*["']?(AWS|Alexa)::[A-Za-z0-9]*/;

/**
 * @param languageIdOrFileName an LSP language id ("yaml", "json", "cloudformation") or a file name/path.
 * @returns undefined when the text is not a template.
 */
export function detectTemplate(text: string, languageIdOrFileName: string): TemplateKind | undefined {
  const format = formatOf(text, languageIdOrFileName);
  if (!format) return undefined;
  const sam = SAM_TRANSFORM.test(text);
  if (sam || FORMAT_VERSION.test(text) || (RESOURCES.test(text) && RESOURCE_TYPE.test(text))) return { format, sam };
  return undefined;
}

function formatOf(text: string, id: string): 'yaml' | 'json' | undefined {
  const lower = id.toLowerCase();
  if (/(^|\.)(ya?ml)$/.test(lower) || lower === 'yaml' || lower === 'cloudformation' || lower.endsWith('.cfn')) {
    return text.trimStart().startsWith('{') ? 'json' : 'yaml';
  }
  if (/(^|\.)(json|jsonc)$/.test(lower)) return 'json';
  if (lower.endsWith('.template') || lower === 'plaintext' || lower === '') {
    return text.trimStart().startsWith('{') ? 'json' : 'yaml';
  }
  return undefined;
}
