// CloudFormation/SAM snippets as completion items, only in documents snippetScope() accepts (issue 17). The
// snippet files are the ones in snippets/ (shipped in the .vsix); Terraform's stay a plain `snippets`
// contribution, since the terraform language is only ever Terraform.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { SKELETONS, snippetScope } from './snippetScope';

interface SnippetFile {
  [name: string]: { prefix: string; description: string; body: string[] };
}

export function registerTemplateSnippets(context: vscode.ExtensionContext): vscode.Disposable {
  const files: Record<'yaml' | 'json', SnippetFile | undefined> = { yaml: undefined, json: undefined };
  const load = (format: 'yaml' | 'json'): SnippetFile =>
    (files[format] ??= JSON.parse(fs.readFileSync(context.asAbsolutePath(`snippets/cloudformation-${format}.json`), 'utf8')) as SnippetFile);

  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position) {
      const scope = snippetScope(document.getText(), document.uri.path, document.languageId);
      if (!scope) return undefined;
      // Snippets replace the word being typed (`cfn-sqs`), as contributed snippets do.
      const range = document.getWordRangeAtPosition(position, /[\w-]+/);
      return Object.entries(load(scope.format))
        .filter(([, s]) => scope.all || SKELETONS.has(s.prefix))
        .map(([name, s]) => {
          const item = new vscode.CompletionItem({ label: s.prefix, description: name }, vscode.CompletionItemKind.Snippet);
          item.insertText = new vscode.SnippetString(s.body.join('\n'));
          item.detail = s.description;
          item.documentation = new vscode.MarkdownString().appendCodeblock(s.body.join('\n'), scope.format);
          item.filterText = s.prefix;
          item.sortText = `~${s.prefix}`; // after the server's completions of the same word
          if (range) item.range = range;
          return item;
        });
    },
  };
  return vscode.languages.registerCompletionItemProvider(
    [{ language: 'yaml' }, { language: 'json' }, { language: 'jsonc' }],
    provider,
  );
}
