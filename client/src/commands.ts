// The palette commands: Search Notes, Open Notes for Service, Show Equivalents at Cursor, Convert to
// Terraform, Open Section. Pickers are built from plain item lists (exported for the tests).
import * as vscode from 'vscode';
import { t } from './l10n';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import { NotesModel } from './notesModel';
import { Requests, type ConvertResult, type EquivalentsAnswer, type OpenSectionArgs, type PositionArgs } from './protocol';

export interface SectionPick extends vscode.QuickPickItem {
  uri: string;
  line: number;
}

export interface EquivalentPick extends vscode.QuickPickItem {
  value: string;
  url?: string;
}

export interface ConvertOutcome {
  result: ConvertResult;
  document?: vscode.TextDocument;
}

const EMPTY_QUERY_LIMIT = 2000;
const QUERY_LIMIT = 300;

export class Commands {
  private readonly pickerShown = new vscode.EventEmitter<string>();
  /** Fires with a picker's title when it is shown with its items (the editor tests accept it then, instead of waiting a fixed time). */
  readonly onDidShowPicker = this.pickerShown.event;

  /** After the picker's show and items went out to the workbench (they are sent a few promise turns later). */
  private announcePicker(title: string): void {
    setTimeout(() => this.pickerShown.fire(title), 0);
  }

  constructor(
    private readonly client: () => BaseLanguageClient | undefined,
    private readonly model: NotesModel,
    private readonly log: (message: string) => void = (message) => console.warn(`[aws-notes] ${message}`),
  ) {}

  /**
   * Open Section, the one command hover links may run (issue 12): its arguments can be forged (a note, a template
   * or any Markdown can spell the link), so it opens only what the server confirms is an indexed note, at a line
   * inside it (`awsNotes/resolveSection`). Anything else, or no server to ask, is refused with a log line.
   */
  async openSection(args: OpenSectionArgs | OpenSectionArgs[] | undefined): Promise<vscode.TextEditor | undefined> {
    const given = Array.isArray(args) ? args[0] : args;
    const uri = given && typeof given === 'object' ? (given as { uri?: unknown }).uri : undefined;
    const line = given && typeof given === 'object' ? (given as { line?: unknown }).line : undefined;
    const client = this.client();
    let target: OpenSectionArgs | null = null;
    if (typeof uri === 'string' && typeof line === 'number' && client?.isRunning()) {
      try {
        target = await client.sendRequest(Requests.resolveSection, { uri, line });
      } catch (error) {
        this.log(t('Open Section: could not check the target: {0}', (error as Error).message));
      }
    }
    // The server answers with the note's URI as it indexed it (the same file, perhaps spelled differently).
    if (!target || typeof target.uri !== 'string' || typeof target.line !== 'number') {
      this.log(t('Open Section refused {0} (line {1}): not a note section the server indexed', String(uri).slice(0, 300), String(line)));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    const position = new vscode.Position(Math.max(0, Math.min(target.line, document.lineCount - 1)), 0);
    const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    return editor;
  }

  /** Sections matching `query` (full text over headings and bodies, then fuzzy headings; NFKC, any case; empty: all
   * headings), best first, with breadcrumb, the matching line and services. */
  async searchItems(query: string): Promise<SectionPick[]> {
    const client = this.client();
    if (!client?.isRunning()) return [];
    const [sections, services] = await Promise.all([
      client.sendRequest(Requests.searchSections, { query, limit: query ? QUERY_LIMIT : EMPTY_QUERY_LIMIT }),
      this.model.servicesByHeading(),
    ]);
    return (sections ?? []).map((s) => ({
      label: s.label,
      description: services.get(`${s.uri}#${s.line}`)?.slice(0, 3).join(' · '),
      detail: s.snippet ? `${s.detail}  —  ${s.snippet}` : s.detail,
      // The server already matched and ranked: keep its order and show every answer.
      alwaysShow: true,
      uri: s.uri,
      line: s.line,
    }));
  }

  /** Search Notes. `query` pre-fills the box (used by tests and other commands). */
  searchNotes(query?: unknown): Promise<vscode.TextEditor | undefined> {
    const pick = vscode.window.createQuickPick<SectionPick>();
    pick.title = t('Search Notes');
    pick.placeholder = t('Search notes (e.g. SQS, キュー, 可視性)');
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    let generation = 0;
    let timer: NodeJS.Timeout | undefined;
    const update = async (value: string) => {
      const current = ++generation;
      pick.busy = true;
      try {
        const items = await this.searchItems(value);
        if (current !== generation) return;
        pick.items = items;
      } catch (error) {
        if (current === generation) pick.items = [];
        console.error(`[aws-notes] search failed: ${(error as Error).message}`);
      } finally {
        if (current === generation) pick.busy = false;
      }
    };
    pick.onDidChangeValue((value) => {
      clearTimeout(timer);
      timer = setTimeout(() => void update(value), 60);
    });
    if (typeof query === 'string') pick.value = query;
    const first = update(pick.value);
    pick.show();
    void first.then(() => this.announcePicker(pick.title ?? ''));
    return new Promise((resolve) => {
      pick.onDidAccept(async () => {
        await first;
        // Enter before the list got focus takes the best match.
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0] ?? pick.items[0];
        resolve(chosen ? this.openSection({ uri: chosen.uri, line: chosen.line }) : undefined);
        pick.hide();
      });
      pick.onDidHide(() => {
        clearTimeout(timer);
        resolve(undefined);
        pick.dispose();
      });
    });
  }

  /** Open Notes for Service: pick a service (skipped when `args.serviceId` is given), then one of its sections. */
  async openNotesForService(args?: unknown): Promise<vscode.TextEditor | undefined> {
    let serviceId = typeof args === 'object' && args && typeof (args as { serviceId?: unknown }).serviceId === 'string' ? (args as { serviceId: string }).serviceId : undefined;
    if (!serviceId) {
      const services = await this.model.servicesInNotes();
      if (services.length === 0) {
        void vscode.window.showInformationMessage(t('AWS Notes: your notes do not mention any AWS service yet.'));
        return undefined;
      }
      const picked = vscode.window.showQuickPick(
        services.map((s) => ({
          label: s.name,
          description: s.shortName && s.shortName !== s.name ? s.shortName : undefined,
          detail: t('{0} sections in {1} notes', s.sections, s.files),
          serviceId: s.serviceId,
        })),
        { title: t('Open Notes for Service'), placeHolder: t('Pick a service your notes talk about'), matchOnDescription: true },
      );
      this.announcePicker(t('Open Notes for Service'));
      const chosen = await picked;
      if (!chosen) return undefined;
      serviceId = chosen.serviceId;
    }
    const type = typeof args === 'object' && args && typeof (args as { type?: unknown }).type === 'string' ? (args as { type: string }).type : undefined;
    const sections = await this.model.sectionsForService(serviceId, type);
    if (sections.length === 0) {
      void vscode.window.showInformationMessage(t('AWS Notes: no note sections about this service.'));
      return undefined;
    }
    if (sections.length === 1) return this.openSection(sections[0]);
    const service = (await this.model.servicesInNotes()).find((s) => s.serviceId === serviceId);
    const sectionPicked = vscode.window.showQuickPick(
      sections.map((s) => ({ label: s.label, detail: s.detail, uri: s.uri, line: s.line })),
      { title: service?.name ?? serviceId, placeHolder: t('Pick a note section'), matchOnDetail: true },
    );
    this.announcePicker(service?.name ?? serviceId);
    const section = await sectionPicked;
    return section ? this.openSection(section) : undefined;
  }

  async equivalents(args: PositionArgs): Promise<EquivalentsAnswer | null> {
    const client = this.client();
    if (!client?.isRunning()) return null;
    return (await client.sendRequest(Requests.equivalents, args)) ?? null;
  }

  equivalentItems(answer: EquivalentsAnswer): EquivalentPick[] {
    return answer.equivalents.map((e) => ({
      label: e.value,
      description: e.kind,
      detail: e.url ? t('Enter copies the name · the link button opens the documentation') : t('Enter copies the name'),
      buttons: e.url ? [{ iconPath: new vscode.ThemeIcon('link-external'), tooltip: t('Open documentation') }] : [],
      value: e.value,
      url: e.url,
    }));
  }

  /** Show Equivalents at Cursor: choosing an item copies it; its link button opens the docs. Returns the copied value. */
  async showEquivalents(args?: unknown): Promise<string | undefined> {
    const target = positionArgs(args);
    if (!target) {
      void vscode.window.showInformationMessage(t('AWS Notes: open a file and put the cursor on an AWS name.'));
      return undefined;
    }
    const answer = await this.equivalents(target);
    if (!answer || answer.equivalents.length === 0) {
      void vscode.window.showInformationMessage(t('AWS Notes: no AWS name at the cursor.'));
      return undefined;
    }
    const pick = vscode.window.createQuickPick<EquivalentPick>();
    pick.title = t('Equivalents of {0} ({1})', answer.identifier, answer.serviceName);
    pick.placeholder = t('Choose a name to copy it to the clipboard');
    pick.matchOnDescription = true;
    pick.items = this.equivalentItems(answer);
    pick.show();
    this.announcePicker(pick.title);
    return new Promise((resolve) => {
      pick.onDidTriggerItemButton(({ item }) => {
        if (item.url) void vscode.env.openExternal(vscode.Uri.parse(item.url));
      });
      pick.onDidAccept(async () => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        pick.hide();
        if (!chosen) return resolve(undefined);
        await vscode.env.clipboard.writeText(chosen.value);
        vscode.window.setStatusBarMessage(t('$(clippy) Copied {0}', chosen.value), 3000);
        resolve(chosen.value);
      });
      pick.onDidHide(() => {
        pick.dispose();
        // Accept resolves after the clipboard write; a plain dismissal resolves here.
        setTimeout(() => resolve(undefined), 0);
      });
    });
  }

  /**
   * Convert to Terraform: the resource under the cursor (or holding the selection's start), else the whole
   * template; the HCL opens in a new untitled document beside the template.
   */
  async convertToTerraform(args?: unknown): Promise<ConvertOutcome | undefined> {
    const editor = vscode.window.activeTextEditor;
    const given = typeof args === 'object' && args ? (args as { uri?: string; resource?: string; offset?: number }) : {};
    const uri = given.uri ?? editor?.document.uri.toString();
    if (!uri) {
      void vscode.window.showInformationMessage(t('AWS Notes: open a CloudFormation template to convert it.'));
      return undefined;
    }
    const offset = given.offset ?? (editor && editor.document.uri.toString() === uri && !given.resource ? editor.document.offsetAt(editor.selection.start) : undefined);
    const client = this.client();
    if (!client?.isRunning()) return undefined;
    const result = await client.sendRequest(Requests.convert, { uri, resource: given.resource, offset });
    if (result.error || !result.hcl.trim()) {
      const message = t('AWS Notes: could not convert to Terraform: {0}', result.error ?? t('the document is not a CloudFormation template'));
      this.log(message);
      void vscode.window.showErrorMessage(message);
      return { result };
    }
    const document = await untitledTerraform(vscode.Uri.parse(uri), result.resource, result.hcl);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    const count = result.todos.length;
    // The whole template has sentences of its own: Japanese joins 「テンプレート全体を」 without the space a name gets.
    const what = result.resource;
    const message =
      count === 0
        ? what ? t('AWS Notes: converted {0} to Terraform; nothing left to review.', what) : t('AWS Notes: converted the whole template to Terraform; nothing left to review.')
        : count === 1
          ? what ? t('AWS Notes: converted {0} to Terraform; 1 TODO to review.', what) : t('AWS Notes: converted the whole template to Terraform; 1 TODO to review.')
          : what ? t('AWS Notes: converted {0} to Terraform; {1} TODOs to review.', what, count) : t('AWS Notes: converted the whole template to Terraform; {0} TODOs to review.', count);
    const show = t('Show TODOs');
    void vscode.window.showInformationMessage(message, ...(count > 0 ? [show] : [])).then((choice) => {
      if (choice === show) void vscode.window.showQuickPick(result.todos, { title: t('TODOs left by the conversion'), canPickMany: false });
    });
    return { result, document };
  }
}

function positionArgs(args: unknown): PositionArgs | undefined {
  const given = Array.isArray(args) ? args[0] : args;
  if (given && typeof given === 'object' && typeof (given as PositionArgs).uri === 'string' && (given as PositionArgs).position) return given as PositionArgs;
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const p = editor.selection.active;
  return { uri: editor.document.uri.toString(), position: { line: p.line, character: p.character } };
}

/**
 * A new untitled document named after the template or resource (`orders_queue.tf` next to the template, so
 * Save proposes that folder), holding the HCL. A fresh name each time: an untitled name is never reused
 * while VS Code may still hold the previous document of that name.
 */
async function untitledTerraform(template: vscode.Uri, resource: string | undefined, hcl: string): Promise<vscode.TextDocument> {
  const stem = (resource ?? template.path.split('/').pop()!.replace(/\.[^.]*$/, '')).replace(/[^A-Za-z0-9_-]+/g, '_') || 'main';
  const dir = template.scheme === 'file' ? vscode.Uri.joinPath(template, '..') : undefined;
  const taken = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  let target: vscode.Uri;
  for (let n = 1; ; n++) {
    const name = `${stem}${n > 1 ? `-${n}` : ''}.tf`;
    target = dir ? vscode.Uri.joinPath(dir, name).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
    if (!taken.has(target.toString())) break;
  }
  let document = await vscode.workspace.openTextDocument(target);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(target, new vscode.Position(0, 0), hcl);
  await vscode.workspace.applyEdit(edit);
  const language = await terraformLanguage();
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  return document;
}

/** `terraform` when a Terraform extension defines it, else `hcl`, else plain text. */
async function terraformLanguage(): Promise<string> {
  const known = await vscode.languages.getLanguages();
  return ['terraform', 'hcl'].find((l) => known.includes(l)) ?? 'plaintext';
}
