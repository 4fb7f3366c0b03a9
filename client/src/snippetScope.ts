// Issue 17: CloudFormation/SAM snippets only where they belong. Contributed statically for `yaml`/`json`, VS Code
// offered them in every workflow, docker-compose file and Kubernetes manifest. Which snippets a document gets is
// decided here (no `vscode` import: unit-tested), with the server core's own template detection.
import { detectTemplate } from '../../shared/detectTemplate';

export type SnippetScope =
  /** A CloudFormation/SAM template: every snippet of its format. */
  | { format: 'yaml' | 'json'; all: true }
  /** An empty YAML/JSON file (a template being started): only the two skeletons. */
  | { format: 'yaml' | 'json'; all: false };

/** Skeleton snippets (whole templates) by prefix. */
export const SKELETONS = new Set(['cfn-template', 'sam-template']);

// Files that are YAML/JSON of other tools even when empty.
const OTHER_TOOLS = /(^|\/)(\.github\/|\.gitlab-ci|docker-compose|compose\.ya?ml$|\.circleci\/|azure-pipelines|bitbucket-pipelines|package(-lock)?\.json$|tsconfig|\.vscode\/|kustomization|Chart\.ya?ml$|values\.ya?ml$|buildspec|serverless\.ya?ml$|mkdocs|\.pre-commit)/i;

export function snippetScope(text: string, path: string, languageId: string): SnippetScope | undefined {
  const format = languageId === 'yaml' ? 'yaml' : languageId === 'json' || languageId === 'jsonc' ? 'json' : undefined;
  if (!format) return undefined;
  const kind = detectTemplate(text, /\.(ya?ml|json|jsonc|template)$/i.test(path) ? path : languageId);
  if (kind) return { format: kind.format, all: true };
  if (text.trim() === '' && !OTHER_TOOLS.test(path.replace(/\\/g, '/'))) return { format, all: false };
  return undefined;
}
