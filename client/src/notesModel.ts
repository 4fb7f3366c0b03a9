// A client-side cache of what the server knows about the notes (services, outlines), shared by the
// explorer and the pickers. Dropped whenever the server says the index changed.
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import { Requests, type NoteOutline, type SectionRef, type ServiceInNotes } from './protocol';

export class NotesModel {
  private services?: Promise<ServiceInNotes[]>;
  private outline?: Promise<NoteOutline[]>;
  private sections = new Map<string, Promise<SectionRef[]>>();
  private headingServices?: Promise<Map<string, string[]>>;

  constructor(private readonly client: () => BaseLanguageClient | undefined) {}

  invalidate(): void {
    this.services = undefined;
    this.outline = undefined;
    this.sections.clear();
    this.headingServices = undefined;
  }

  servicesInNotes(): Promise<ServiceInNotes[]> {
    return (this.services ??= this.request((client) => client.sendRequest(Requests.servicesInNotes), []));
  }

  notesOutline(): Promise<NoteOutline[]> {
    return (this.outline ??= this.request((client) => client.sendRequest(Requests.notesOutline), []));
  }

  /** The sections about a service, or about one resource type of it (a CodeLens): the hover's list. */
  sectionsForService(serviceId: string, type?: string): Promise<SectionRef[]> {
    const key = type ? `${serviceId}|${type}` : serviceId;
    let answer = this.sections.get(key);
    if (!answer) this.sections.set(key, (answer = this.request((client) => client.sendRequest(Requests.sectionsForService, type ? { serviceId, type } : { serviceId }), [])));
    return answer;
  }

  /**
   * Short names of the services each heading is about, keyed `${uri}#${headingLine}`. A service's hit may
   * point inside a section (at the passage); it is credited to the heading above it.
   */
  servicesByHeading(): Promise<Map<string, string[]>> {
    return (this.headingServices ??= (async () => {
      const [services, outline] = await Promise.all([this.servicesInNotes(), this.notesOutline()]);
      const headingLines = new Map(outline.map((o) => [o.uri, o.headings.map((h) => h.line)]));
      const byHeading = new Map<string, string[]>();
      const perService = await Promise.all(services.map((s) => this.sectionsForService(s.serviceId)));
      services.forEach((service, i) => {
        for (const ref of perService[i]) {
          const lines = headingLines.get(ref.uri) ?? [];
          let heading = -1;
          for (const l of lines) if (l <= ref.line && l > heading) heading = l;
          if (heading < 0) continue;
          const key = `${ref.uri}#${heading}`;
          const names = byHeading.get(key) ?? [];
          const name = service.shortName ?? service.name;
          if (!names.includes(name)) names.push(name);
          byHeading.set(key, names);
        }
      });
      return byHeading;
    })());
  }

  /** `send`'s answer, or `empty` when there is no running server or it fails. */
  private async request<R>(send: (client: BaseLanguageClient) => Promise<R>, empty: R): Promise<R> {
    const client = this.client();
    if (!client || !client.isRunning()) return empty;
    try {
      return (await send(client)) ?? empty;
    } catch {
      return empty; // the server restarted or is stopping; the next `indexed` notification refreshes
    }
  }
}

/** NFKC + lower case, so ＳＱＳ finds SQS and filters ignore case: the server's own search key. */
export { searchKey } from '../../shared/normalize';
