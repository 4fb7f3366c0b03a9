// The Notes explorer: "By service" (services the notes talk about -> their sections) and "By file" (note
// files -> heading outline, nested by level). A filter narrows services, files and headings (NFKC, any case).
import * as vscode from 'vscode';
import { t } from './l10n';
import { NotesModel, searchKey } from './notesModel';
import type { NoteOutline, SectionRef, ServiceInNotes } from './protocol';

export const OPEN_SECTION = 'awsNotes.openSection';
const FILTERED_CONTEXT = 'awsNotes.explorerFiltered';

export type ExplorerNode =
  | { kind: 'root'; root: 'services' | 'files'; count?: number }
  | { kind: 'service'; service: ServiceInNotes; shown?: number }
  | { kind: 'section'; service: string; section: SectionRef }
  | { kind: 'file'; outline: NoteOutline; shown?: number }
  | { kind: 'heading'; outline: NoteOutline; index: number };

interface HeadingTree {
  /** children[i] = indexes of the headings nested directly under heading i; roots under key -1. */
  children: Map<number, number[]>;
}

export class NotesExplorer implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';
  private refreshTimer: NodeJS.Timeout | undefined;
  private trees = new WeakMap<NoteOutline, HeadingTree>();
  view?: vscode.TreeView<ExplorerNode>;

  constructor(private readonly model: NotesModel) {}

  get filter(): string {
    return this.filterText;
  }

  setFilter(value: string | undefined): void {
    this.filterText = (value ?? '').trim();
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, this.filterText !== '');
    if (this.view) {
      this.view.description = this.filterText ? t('Filter: {0}', this.filterText) : undefined;
    }
    this.changed.fire(undefined);
  }

  /** The index changed: refresh once the burst of notifications settles. */
  scheduleRefresh(delayMs = 250): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), delayMs);
  }

  refresh(): void {
    clearTimeout(this.refreshTimer);
    this.model.invalidate();
    this.trees = new WeakMap();
    this.changed.fire(undefined);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const q = searchKey(this.filterText);
    if (!node) {
      const outline = await this.model.notesOutline();
      // With no notes the view is empty and its welcome content (package.json viewsWelcome, by awsNotes.state) shows
      // what to do; a filter that matches nothing says so instead of showing two empty groups.
      if (outline.length === 0) {
        this.setMessage(undefined);
        return [];
      }
      if (!q) {
        this.setMessage(undefined);
        return [{ kind: 'root', root: 'services' }, { kind: 'root', root: 'files' }];
      }
      const [services, files] = await Promise.all([this.serviceNodes(q), this.fileNodes(q)]);
      this.setMessage(services.length + files.length === 0 ? t('Nothing matches “{0}”. Clear the filter to see every note.', this.filterText) : undefined);
      if (services.length + files.length === 0) return [];
      return [{ kind: 'root', root: 'services', count: services.length }, { kind: 'root', root: 'files', count: files.length }];
    }
    switch (node.kind) {
      case 'root':
        return node.root === 'services' ? this.serviceNodes(q) : this.fileNodes(q);
      case 'service': {
        const sections = await this.model.sectionsForService(node.service.serviceId);
        const showAll = !q || matches(q, node.service.name, node.service.shortName, node.service.serviceId);
        return sections
          .filter((s) => showAll || matches(q, s.label, s.detail))
          .map((section) => ({ kind: 'section', service: node.service.serviceId, section }));
      }
      case 'file': {
        const showAll = !q || matches(q, node.outline.name);
        return this.headingChildren(node.outline, -1, showAll ? '' : q);
      }
      case 'heading':
        return this.headingChildren(node.outline, node.index, this.keepsAll(node) ? '' : q);
      default:
        return [];
    }
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const filtered = this.filterText !== '';
    const open = (uri: string, line: number): vscode.Command => ({ command: OPEN_SECTION, title: t('Open Section'), arguments: [{ uri, line }] });
    // Ids carry the filter so that a filtered tree opens expanded and the unfiltered one keeps its state.
    const idPrefix = filtered ? `f:${this.filterText}|` : '';
    switch (node.kind) {
      case 'root': {
        const item = new vscode.TreeItem(node.root === 'services' ? t('By service') : t('By file'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${idPrefix}root:${node.root}`;
        item.iconPath = new vscode.ThemeIcon(node.root === 'services' ? 'cloud' : 'files');
        item.contextValue = `awsNotes.root.${node.root}`;
        if (node.count !== undefined) item.description = node.root === 'services' ? t('{0} services', node.count) : t('{0} files', node.count);
        return item;
      }
      case 'service': {
        const s = node.service;
        const item = new vscode.TreeItem(s.shortName && s.shortName !== s.name ? s.shortName : s.name, filtered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${idPrefix}service:${s.serviceId}`;
        item.description =
          node.shown !== undefined && node.shown !== s.sections ? t('{0} of {1} sections', node.shown, s.sections) : s.sections === 1 ? t('1 section') : t('{0} sections', s.sections);
        item.tooltip = `${s.name}\n${t('{0} sections in {1} notes', s.sections, s.files)}`;
        item.iconPath = new vscode.ThemeIcon('symbol-class');
        item.contextValue = 'awsNotes.service';
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.section.label, vscode.TreeItemCollapsibleState.None);
        item.id = `${idPrefix}section:${node.service}:${node.section.uri}#${node.section.line}`;
        item.description = node.section.detail.split(' › ')[0];
        item.tooltip = node.section.detail;
        item.iconPath = new vscode.ThemeIcon('symbol-string');
        item.command = open(node.section.uri, node.section.line);
        item.contextValue = 'awsNotes.section';
        return item;
      }
      case 'file': {
        const o = node.outline;
        const hasChildren = o.headings.length > 0;
        const item = new vscode.TreeItem(o.name, !hasChildren ? vscode.TreeItemCollapsibleState.None : filtered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${idPrefix}file:${o.uri}`;
        item.resourceUri = vscode.Uri.parse(o.uri);
        item.iconPath = vscode.ThemeIcon.File;
        item.description =
          node.shown !== undefined && node.shown !== o.headings.length
            ? t('{0} of {1} headings', node.shown, o.headings.length)
            : o.headings.length === 1 ? t('1 heading') : t('{0} headings', o.headings.length);
        item.tooltip = vscode.workspace.asRelativePath(item.resourceUri);
        item.command = open(o.uri, 0);
        item.contextValue = 'awsNotes.file';
        return item;
      }
      case 'heading': {
        const h = node.outline.headings[node.index];
        const hasChildren = (this.tree(node.outline).children.get(node.index)?.length ?? 0) > 0;
        const item = new vscode.TreeItem(h.heading, !hasChildren ? vscode.TreeItemCollapsibleState.None : filtered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${idPrefix}heading:${node.outline.uri}#${h.line}`;
        item.description = `H${h.level}`;
        item.iconPath = new vscode.ThemeIcon('symbol-key');
        item.command = open(node.outline.uri, h.line);
        item.contextValue = 'awsNotes.heading';
        return item;
      }
    }
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.changed.dispose();
  }

  private async serviceNodes(q: string): Promise<ExplorerNode[]> {
    const services = await this.model.servicesInNotes();
    if (!q) return services.map((service) => ({ kind: 'service', service }));
    const kept: ExplorerNode[] = [];
    for (const service of services) {
      if (matches(q, service.name, service.shortName, service.serviceId)) {
        kept.push({ kind: 'service', service });
        continue;
      }
      // The count shown is the filtered one (issue 17), the number of children the node will have.
      const shown = (await this.model.sectionsForService(service.serviceId)).filter((s) => matches(q, s.label, s.detail)).length;
      if (shown > 0) kept.push({ kind: 'service', service, shown });
    }
    return kept;
  }

  private async fileNodes(q: string): Promise<ExplorerNode[]> {
    const outline = await this.model.notesOutline();
    const nodes: ExplorerNode[] = [];
    for (const o of outline) {
      if (!q || matches(q, o.name)) nodes.push({ kind: 'file', outline: o });
      else {
        const shown = o.headings.filter((h) => matches(q, h.heading)).length;
        if (shown > 0) nodes.push({ kind: 'file', outline: o, shown });
      }
    }
    return nodes;
  }

  /** Headings nested directly under `parent` (-1: the file); with a query, only those matching or leading to a match. */
  private headingChildren(outline: NoteOutline, parent: number, q: string): ExplorerNode[] {
    const tree = this.tree(outline);
    const leadsToMatch = (i: number): boolean => matches(q, outline.headings[i].heading) || (tree.children.get(i) ?? []).some(leadsToMatch);
    return (tree.children.get(parent) ?? []).filter((i) => !q || leadsToMatch(i)).map((index) => ({ kind: 'heading', outline, index }));
  }

  /** Under a file whose name matches, or a heading that matches itself, everything is shown. */
  private keepsAll(node: { outline: NoteOutline; index: number }): boolean {
    const q = searchKey(this.filterText);
    if (!q || matches(q, node.outline.name)) return true;
    const parents = this.parentsOf(node.outline);
    for (let i = node.index; i >= 0; i = parents[i]) if (matches(q, node.outline.headings[i].heading)) return true;
    return false;
  }

  private parentsOf(outline: NoteOutline): number[] {
    const parents: number[] = [];
    for (const [parent, kids] of this.tree(outline).children) for (const k of kids) parents[k] = parent;
    return parents;
  }

  /** Nesting by level: a heading belongs under the nearest earlier heading of a smaller level. */
  private tree(outline: NoteOutline): HeadingTree {
    let tree = this.trees.get(outline);
    if (tree) return tree;
    const children = new Map<number, number[]>();
    const stack: number[] = [];
    outline.headings.forEach((h, i) => {
      while (stack.length && outline.headings[stack[stack.length - 1]].level >= h.level) stack.pop();
      const parent = stack.length ? stack[stack.length - 1] : -1;
      const list = children.get(parent) ?? [];
      list.push(i);
      children.set(parent, list);
      stack.push(i);
    });
    tree = { children };
    this.trees.set(outline, tree);
    return tree;
  }
}

function matches(q: string, ...texts: (string | undefined)[]): boolean {
  return texts.some((t) => t !== undefined && searchKey(t).includes(q));
}
