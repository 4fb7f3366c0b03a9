// The in-memory index of all notes: sections, mentions per service, ranked hits. One file changes -> one
// file is re-indexed; rankings are computed per service on demand and cached until a note changes.
import type { Recognizer } from '../recognize/identities';
import type { NoteFile } from './noteModel';
import { findMentions, type Mention } from './noteMentions';
import { parseNote } from './parseNote';
import { compareHits, rankSections, type SectionHit } from './ranking';

interface IndexedNote {
  note: NoteFile;
  byService: Map<string, Mention[]>;
  /** Ranked sections of this file per service (a file's ranking depends on that file alone). */
  hits: Map<string, SectionHit[]>;
}

export interface IndexStats {
  files: number;
  sections: number;
  services: number;
}

export type NoteParser = (uri: string, text: string) => NoteFile;

export class NotesIndex {
  private readonly notes = new Map<string, IndexedNote>();
  private readonly filesByService = new Map<string, Set<string>>();
  private readonly rankCache = new Map<string, SectionHit[]>();
  private listeners: (() => void)[] = [];
  /** Increases on every change; lets callers cache derived views. */
  version = 0;

  constructor(
    private readonly recognizer: Recognizer,
    private readonly parse: NoteParser = parseNote,
  ) {}

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Indexes (or re-indexes) one note from its text. */
  setText(uri: string, text: string): NoteFile {
    const note = this.parse(uri, text);
    this.setNote(note);
    return note;
  }

  setNote(note: NoteFile): void {
    this.removeEntries(note.uri);
    const byService = new Map<string, Mention[]>();
    for (const mention of findMentions(this.recognizer, note)) {
      const list = byService.get(mention.serviceId) ?? [];
      list.push(mention);
      byService.set(mention.serviceId, list);
    }
    this.notes.set(note.uri, { note, byService, hits: new Map() });
    for (const serviceId of byService.keys()) {
      let files = this.filesByService.get(serviceId);
      if (!files) this.filesByService.set(serviceId, (files = new Set()));
      files.add(note.uri);
      this.rankCache.delete(serviceId);
    }
    this.changed();
  }

  remove(uri: string): boolean {
    const existed = this.removeEntries(uri);
    if (existed) this.changed();
    return existed;
  }

  private removeEntries(uri: string): boolean {
    const old = this.notes.get(uri);
    if (!old) return false;
    for (const serviceId of old.byService.keys()) {
      this.filesByService.get(serviceId)?.delete(uri);
      this.rankCache.delete(serviceId);
    }
    this.notes.delete(uri);
    return true;
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  has(uri: string): boolean {
    return this.notes.has(uri);
  }

  get(uri: string): NoteFile | undefined {
    return this.notes.get(uri)?.note;
  }

  uris(): string[] {
    return [...this.notes.keys()];
  }

  *files(): Iterable<NoteFile> {
    for (const entry of this.notes.values()) yield entry.note;
  }

  /** Ranked sections for a service, best first. */
  hitsForService(serviceId: string): SectionHit[] {
    const cached = this.rankCache.get(serviceId);
    if (cached) return cached;
    // One changed file re-ranks that file only; the merge is a concatenation and one sort.
    const hits: SectionHit[] = [];
    for (const uri of this.filesByService.get(serviceId) ?? []) {
      const entry = this.notes.get(uri)!;
      let own = entry.hits.get(serviceId);
      if (!own) entry.hits.set(serviceId, (own = rankSections(entry.note, entry.byService.get(serviceId) ?? [])));
      for (const hit of own) hits.push(hit);
    }
    hits.sort(compareHits);
    this.rankCache.set(serviceId, hits);
    return hits;
  }

  /** Every mention of a service, by file. */
  mentionsOf(serviceId: string): { uri: string; mentions: Mention[] }[] {
    return [...(this.filesByService.get(serviceId) ?? [])].sort().map((uri) => ({ uri, mentions: this.notes.get(uri)!.byService.get(serviceId) ?? [] }));
  }

  /** Services mentioned in the notes with how many sections mention each. */
  servicesMentioned(): { serviceId: string; files: number }[] {
    return [...this.filesByService].filter(([, files]) => files.size > 0).map(([serviceId, files]) => ({ serviceId, files: files.size }));
  }

  stats(): IndexStats {
    let sections = 0;
    for (const { note } of this.notes.values()) sections += note.sections.filter((s) => s.level > 0).length;
    return { files: this.notes.size, sections, services: this.servicesMentioned().length };
  }
}
