// LSP transport: wires the pure language service to a connection (stdio for any editor, IPC from VS Code).
import {
  CodeLensRefreshRequest,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type AwsData, compactCompletionList, convertTemplate, equivalentsFor, type FeatureProvider, type Locale, localize, M, notesOutline, parsedDocuments, prepareHeadingSearch, resolveLocale, resolveSection, searchSections, sectionsForService, servicesInNotes, templateFormat, warmUpMarkdown } from '../core';
import { findDataDir } from './dataLoader';
import { clientCapabilities, SERVER_CAPABILITIES, type ClientCapabilities } from './capabilities';
import { scheduleDiagnostics } from './diagnosticsScheduler';
import { dataVersionOf } from './indexCache';
import type { Logger } from './logger';
import { sampleMemory } from './memoryTrace';
import { NoteWatcher } from './noteWatcher';
import { requestPending } from './requestGate';
import { IDLE_SLICE_MS, requestPause } from './requestPause';
import { normalizeSettings, type ServerSettings } from './settings';
import { toPath, toUri } from './uris';
import type { WorkspaceIndexer } from './workspaceIndexer';
import { composeWorkspace } from './compose';
import type { ConvertResult } from '../../../shared/protocol';
import { Notifications, Requests } from './protocolTypes';
import { span, traced, traceNow, tracing } from './sliceTrace';

export { Requests, Notifications };

const SERVER_VERSION = '0.1.0';

// What a first template hover takes: a type, a top-level and a nested property (the types are not the ones users
// hover most: the warm-up is for the code paths and the shared tables, each type's own schema file is small).
const WARM_UP_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 60
      RedrivePolicy:
        maxReceiveCount: 3
  Topic:
    Type: AWS::SNS::Topic
`;
/** A resource type being typed, for the completion warm-up (the position is the end of `AWS::`). */
const WARM_UP_TYPE_TEMPLATE = `Resources:
  New:
    Type: AWS::
`;
const WARM_UP_TYPE_AT = { line: 2, character: 15 };
/** Warm-up hovers in WARM_UP_TEMPLATE (line, character): the type, a property, a nested property, another type. */
const WARM_UP_HOVERS = [
  { line: 3, character: 14 },
  { line: 5, character: 8 },
  { line: 7, character: 10 },
  { line: 9, character: 14 },
];


/** Sample texts the sanitiser's warm-up parses (its parser is optimised after ~100 of them). */
const WARM_UP_ROUNDS = 160;

export function startServer(connection: Connection, loadData: () => AwsData, providers?: FeatureProvider[]): void {
  const documents = new TextDocuments(TextDocument);
  let locale: Locale = 'en';
  let editorLocale: string | undefined;
  let settings: ServerSettings = normalizeSettings(undefined);
  let workspaceFolders: string[] = [];
  let client: ClientCapabilities = clientCapabilities({ capabilities: {} } as InitializeParams);
  let ready: Promise<unknown> = Promise.resolve();
  let dataVersion: string | undefined;

  const logger: Logger = {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
  let service!: ReturnType<typeof composeWorkspace>['service'];
  let indexer!: WorkspaceIndexer;
  const watcher = new NoteWatcher(connection, () => indexer, logger, () => notifyChanged(), () => locale);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    editorLocale = params.locale;
    client = clientCapabilities(params);
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => toPath(f.uri)).filter((p): p is string => !!p);
    if (workspaceFolders.length === 0 && params.rootUri) {
      const root = toPath(params.rootUri);
      if (root) workspaceFolders.push(root);
    }
    settings = normalizeSettings(params.initializationOptions as Record<string, unknown>);
    locale = resolveLocale(settings.displayLanguage, editorLocale);
    const data = loadData();
    ({ service, indexer } = composeWorkspace({ data, settings, workspaceFolders, logger, locale: () => locale, providers }));
    service.setSetupHint(settings.notes.paths.length === 0 && settings.hover.setupHint);
    // Issue 16: the scan worker does phase 2 too, recognising mentions with the data `loadData` reads (main.ts);
    // AWS_NOTES_WORKER_MENTIONS=0 keeps phase 2 on this thread (A/B: it costs peak RSS, see BENCHMARKS.md).
    if (process.env.AWS_NOTES_WORKER_MENTIONS !== '0') indexer.scanWorker.dataDir = findDataDir();
    // Issue 12: VS Code's client says whether the workspace is trusted; other clients: trusted.
    const options = params.initializationOptions as { workspaceTrusted?: unknown } | null | undefined;
    indexer.setWorkspaceTrusted(options?.workspaceTrusted !== false);
    // Issue 16: the crawl runs on the scan worker; the idle request thread warms up what hovers need meanwhile.
    warmUpSoon(data);
    return {
      capabilities: SERVER_CAPABILITIES,
      serverInfo: { name: 'aws-notes-ls', version: SERVER_VERSION },
    };
  });

  async function readSettings(): Promise<void> {
    if (!client.canPullConfiguration) return;
    try {
      const raw = await connection.workspace.getConfiguration('awsNotes');
      if (raw) settings = normalizeSettings(raw);
      // The display language applies at once, to the next hover, CodeLens or message; it never re-indexes.
      const before = locale;
      locale = resolveLocale(settings.displayLanguage, editorLocale);
      service.setLocale(locale);
      service.setSetupHint(settings.notes.paths.length === 0 && settings.hover.setupHint);
      if (locale !== before && client.canRefreshCodeLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    } catch (error) {
      logger.warn(localize(locale, M.settingsUnreadable, { error: (error as Error).message }));
    }
  }

  async function reindexAll(): Promise<void> {
    service.updateSettings(settings);
    indexer.configure(settings, workspaceFolders);
    indexer.useCache(settings.cache.dir, cacheVersions());
    // Watch before crawling (issue 9): a note changed or deleted while the crawl runs is re-indexed by its event,
    // and a file written right after `indexed` is never missed either. The crawl awaits the watch before it touches
    // the disk; a warm start restores the cached notes meanwhile (the registration is a round trip to the client).
    // A registration the client refuses is logged once; the notes are indexed all the same (changes then show at the
    // next indexing).
    const watching = watcher.watch(client).catch((error: Error) => {
      const where = indexer.roots.map((root) => root.base).join(', ');
      logger.warn(localize(locale, M.cannotWatch, { path: where, error: error?.message ?? String(error) }));
    });
    const progress = client.canReportProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin(localize(locale, M.indexing), 0, undefined, false);
    service.setIndexingProgress({ done: 0, total: 0 });
    crawling++;
    const result = await indexer.crawl({
      onProgress: ({ done, total }) => {
        service.setIndexingProgress({ done, total });
        progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total}`);
      },
      onHeadings: ({ files, ms }) => void connection.sendNotification(Notifications.headingsIndexed, { files, ms }),
      beforeDisk: watching,
    }).finally(() => crawling--);
    await watching;
    progress?.done();
    service.setIndexingProgress(undefined);
    for (const refused of indexer.refusedRoots) {
      const message = refused.why === 'root' ? M.refusedRootFs : refused.why === 'system' ? M.refusedRootSystem : M.refusedRootHome;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: localize(locale, message, { path: refused.source }) });
    }
    if (indexer.ignoresUntrustedWorkspace) logger.info(localize(locale, M.untrustedWorkspace));
    for (const missing of result.missing) {
      // A notification, not a request: the user sees it once and nothing waits on an answer.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: localize(locale, M.missingFolder, { path: missing }) });
    }
    logger.info(localize(locale, M.indexed, { files: result.files, sections: result.sections, ms: result.ms }));
    logger.info(
      `crawl started ${result.startedAt} ms after the process; headings searchable after ${result.headingsMs} ms; ${result.fromCache} of ${result.files} notes restored from the cache` +
        (result.restoredMs ? ` (cache loaded and its headings searchable after ${result.cacheLoadMs} ms, notes restored after ${result.restoredMs} ms)` : ''),
    );
    // A crawl superseded by a newer one (settings changed, a reindex request) ends early: only the last says indexed.
    if (crawling === 0) sampleMemory('indexed', 0);
    if (crawling === 0) connection.sendNotification(Notifications.indexed, { ...service.index.stats(), ms: result.ms });
    syncTextIndexSoon();
  }

  // Search Notes' full-text index is filled in idle time after `indexed` (IDLE_SLICE_MS slices in pauses between
  // requests), not during the crawl; a search indexes what is still stale itself, within a budget (see searchSections).
  let textSyncRunning = false;
  function syncTextIndexSoon(): void {
    if (textSyncRunning) return;
    textSyncRunning = true;
    const run = async () => {
      let prepared = false;
      for (;;) {
        await requestPause();
        const until = performance.now() + IDLE_SLICE_MS;
        // First the fuzzy heading pass's table and warm-up (cheaper than the text index, and without them the first
        // keystrokes after the text index is complete built them), then the text index, in the same slices.
        const traceStart = tracing ? traceNow() : 0;
        prepared ||= prepareHeadingSearch(service.index, () => performance.now() > until);
        if (tracing) span('idle:headingSearch', traceStart);
        const syncStart = tracing && prepared ? traceNow() : 0;
        const left = prepared ? service.index.text.sync(service.index, () => performance.now() > until) : service.index.text.staleCount;
        if (tracing && prepared) span('idle:textIndex', syncStart);
        if (prepared && left === 0) break;
      }
      textSyncRunning = false;
    };
    setTimeout(() => void run(), 100).unref?.();
  }

  // The first hover after a start used to pay for loading the CloudFormation tables, the YAML parser's, the
  // template hover's and the Markdown sanitiser's first (unoptimised) runs. Issue 15: that work now starts as soon as
  // `initialize` has answered (a client's first hover may come before, or right after, an empty workspace's
  // `indexed`), one step per turn of the event loop, so that a request waits behind one step at most: each step is
  // a timer, and timers run before the loop polls for input, so a request read meanwhile is answered before the next
  // step (setImmediate steps interleaved with the connection's own queue and made a hover wait behind several).
  let warmedUp = false;
  function warmUpSoon(data: AwsData): void {
    if (warmedUp) return;
    warmedUp = true;
    const doc = TextDocument.create('untitled:aws-notes-warm-up.yaml', 'yaml', 1, WARM_UP_TEMPLATE);
    const type = 'AWS::SQS::Queue';
    const steps: [string, () => unknown][] = [
      // The shared tables a template hover reads, one file per step (each a few ms to parse).
      ['mapping', () => data.mappingForCfn(type)],
      ['propertyMap', () => data.propertyMap(type)],
      ['bilingual', () => data.bilingual()],
      ['features', () => data.featureByCfnType(type)],
      // The YAML parser and the template model, on a key with no hover of its own.
      ['parse', () => service.hover(doc, { line: 1, character: 2 })],
      ...WARM_UP_HOVERS.map((position, i): [string, () => unknown] => [`hover${i}`, () => service.hover(doc, position)]),
      // A `Type:` completion: the types' summary table, then the folded names and the list (issue 16: the first one
      // of a start took ~100 ms).
      ['typeSummaries', () => data.cfnTypeSummary(type)],
      ['typeCompletion', () => service.completion(TextDocument.create('untitled:aws-notes-warm-up-types.yaml', 'yaml', 1, WARM_UP_TYPE_TEMPLATE), WARM_UP_TYPE_AT)],
    ];
    // A warm-up hover that finds no notes must not use up the setup hint, shown once, on the user's first such hover.
    const quietly = (run: () => unknown) => () => {
      service.setSetupHint(false);
      try {
        run();
      } finally {
        service.setSetupHint(settings.notes.paths.length === 0 && settings.hover.setupHint);
      }
    };
    let step = 0;
    let rounds = 0;
    let waiting = false;
    const next = () => {
      // A warm start's restore of the cached notes goes first (the headings are searchable sooner); requests during
      // it still do their own first-time work.
      if (indexer.restoring && !waiting) {
        waiting = true;
        void indexer.restored.then(() => setTimeout(next, 0));
        return;
      }
      waiting = false;
      // A request came in: it goes first (requestGate.ts); the warm-up goes on in the next turn.
      if (requestPending()) return void setTimeout(next, 0);
      if (step < steps.length) {
        const [label, run] = steps[step++];
        traced(`idle:warmUp:${label}`, () => {
          try {
            quietly(run)();
          } catch {
            /* a warm-up only */
          }
        })();
        setTimeout(next, 0);
        return;
      }
      // A cold crawl's phase 1 goes first (the headings are searchable sooner: on two cores the rounds took CPU
      // the scan worker needed); the template steps above do not wait, they are what a first template hover needs.
      if (indexer.scanning && !waiting) {
        waiting = true;
        void indexer.scanned.then(() => setTimeout(next, 0));
        return;
      }
      // The sanitiser's parser, until it is optimised: one sample text per turn of the event loop.
      traced('idle:warmUpMarkdown', () => warmUpMarkdown(rounds))();
      if (++rounds < WARM_UP_ROUNDS) setTimeout(next, 0);
    };
    setTimeout(next, 0);
  }

  // `indexed` means "the index is complete": file events during a crawl must not say so before the crawl's end does
  // (a client would take a half-built index for the finished one); the crawl's own `indexed` covers them.
  let crawling = 0;
  let notifyTimer: NodeJS.Timeout | undefined;
  function notifyChanged(): void {
    clearTimeout(notifyTimer);
    notifyTimer = setTimeout(() => {
      if (!crawling) connection.sendNotification(Notifications.indexed, { ...service.index.stats(), ms: 0 });
    }, 200);
  }

  const cacheVersions = () => ({ server: SERVER_VERSION, data: (dataVersion ??= dataVersionOf(findDataDir())) });

  connection.onInitialized(() => {
    // A warm start reads the cache the initialize-time settings name now, before the client's first requests; the
    // crawl uses it if the settings read next name the same cache (VS Code's client sends them with initialize).
    try {
      indexer.configure(settings, workspaceFolders);
      indexer.preloadCache(settings.cache.dir, cacheVersions());
    } catch {
      /* an early read only: the crawl opens the cache itself (and reports what is wrong with it) */
    }
    // Without a cache, the crawl's scan workers load their code meanwhile (issue 16: it was on the critical path).
    indexer.startWorkersEarly();
    ready = (async () => {
      await readSettings();
      await reindexAll();
    })().catch((error) => logger.error(`indexing failed: ${(error as Error).stack ?? error}`));
  });

  connection.onDidChangeConfiguration(() => {
    ready = ready.then(async () => {
      const indexed = () => JSON.stringify({ ...settings, displayLanguage: undefined, hover: { ...settings.hover, setupHint: undefined } });
      const before = indexed();
      await readSettings();
      if (indexed() !== before) await reindexAll();
    });
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const file = toPath(change.uri);
      if (file) watcher.fileEvent(file, change.type === FileChangeType.Deleted);
    }
  });

  const editTimers = new Map<string, NodeJS.Timeout>();
  documents.onDidChangeContent(({ document }) => {
    if (!indexer.isNoteUri(document.uri)) return;
    clearTimeout(editTimers.get(document.uri));
    editTimers.set(document.uri, setTimeout(() => indexer.editorChanged(document.uri, document.getText()), 80));
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(editTimers.get(document.uri));
    void indexer.editorClosed(document.uri);
  });

  const withDocument = <T>(uri: string, empty: T, run: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    if (!doc) return empty;
    try {
      return run(doc);
    } catch (error) {
      logger.error(`request failed on ${uri}: ${(error as Error).stack ?? error}`);
      return empty;
    }
  };

  connection.onHover(({ textDocument, position }) => withDocument(textDocument.uri, null, (doc) => service.hover(doc, position)));
  connection.onDefinition(({ textDocument, position }) => withDocument(textDocument.uri, [], (doc) => service.definition(doc, position)));
  connection.onReferences(({ textDocument, position }) => withDocument(textDocument.uri, [], (doc) => service.references(doc, position)));
  connection.onDocumentSymbol(({ textDocument }) =>
    withDocument(textDocument.uri, [], (doc) =>
      doc.languageId === 'markdown' || indexer.isNoteUri(doc.uri) ? service.documentSymbols(doc) : (service.providedDocumentSymbols(doc) ?? []),
    ),
  );
  connection.onCompletion(({ textDocument, position }) =>
    withDocument(textDocument.uri, [], (doc) => {
      const answer = service.completion(doc, position);
      // An array is a complete list: as one, it can share its items' defaults with a client that applies them.
      const list = !Array.isArray(answer) ? answer : answer.length && client.completionItemDefaults.size ? { isIncomplete: false, items: answer } : undefined;
      return list ? compactCompletionList(list, client.completionItemDefaults) : answer;
    }),
  );
  connection.onCompletionResolve((item) => {
    try {
      return service.resolveCompletion(item);
    } catch {
      return item;
    }
  });
  connection.onCodeLens(({ textDocument }) => withDocument(textDocument.uri, [], (doc) => service.codeLenses(doc)));

  scheduleDiagnostics(connection, documents, (doc) => withDocument(doc.uri, [], (d) => service.diagnostics(d)));
  connection.onWorkspaceSymbol(({ query }) => service.workspaceSymbols(query));

  connection.onRequest(Requests.reindex, async () => {
    await ready;
    await readSettings();
    await reindexAll();
    return service.index.stats();
  });
  // `pid` (issue 9): lets editor tests find the server process to prove crash recovery.
  connection.onRequest(Requests.stats, () => ({ ...service.index.stats(), pid: process.pid }));
  connection.onRequest(Requests.searchSections, ({ query, limit }) => searchSections(service.index, query, limit));

  // Convert to Terraform: a whole template, or one resource (the one under the cursor, or named).
  connection.onRequest(Requests.convert, ({ uri, resource, offset }): ConvertResult => {
    const doc = documents.get(uri);
    if (!doc) return { hcl: '', todos: [], error: 'document not open' };
    // The format as the features detected it; a document not detected as a template is still converted on request.
    const format = parsedDocuments.template(doc)?.kind.format ?? templateFormat(doc.getText(), uri, doc.languageId);
    try {
      return convertTemplate(doc.getText(), format, service.context.data, { resource, offset });
    } catch (error) {
      logger.error(`convert failed on ${uri}: ${(error as Error).stack ?? error}`);
      return { hcl: '', todos: [], error: (error as Error).message };
    }
  });

  // Notes explorer and pickers.
  connection.onRequest(Requests.servicesInNotes, () => servicesInNotes(service.index, service.context.data, service.context.notes));
  connection.onRequest(Requests.sectionsForService, ({ serviceId, type }) =>
    sectionsForService(service.index, service.context.notes, serviceId, typeof type === 'string' ? type : undefined),
  );
  connection.onRequest(Requests.notesOutline, () => notesOutline(service.index));
  // Open Section's check (issue 12): only an indexed note, at a line inside it; anything else is refused and logged.
  connection.onRequest(Requests.resolveSection, ({ uri, line }) => {
    let answer = resolveSection(service.index, uri, line);
    // The same file spelled by another client's URI encoding (VS Code's Uri.toString escapes differently).
    const file = !answer.ok && answer.why === 'not-indexed' ? toPath(uri) : undefined;
    if (file) answer = resolveSection(service.index, toUri(file), line);
    if (answer.ok) return answer.target;
    logger.warn(localize(locale, M.openSectionRefused, { uri: String(uri).slice(0, 500), line: String(line) }));
    return null;
  });
  connection.onNotification(Notifications.workspaceTrusted, () => {
    indexer.setWorkspaceTrusted(true);
    ready = ready.then(() => reindexAll());
  });
  connection.onRequest(Requests.equivalents, ({ uri, position }) =>
    withDocument(uri, null, (doc) => {
      const identity = service.identityAt(doc, position);
      return identity ? (equivalentsFor(identity, service.context.data) ?? null) : null;
    }),
  );

  connection.onShutdown(() => {
    watcher.close();
    try {
      indexer?.saveCacheNow();
    } catch (error) {
      logger.warn(localize(locale, M.cacheSaveFailed, { error: (error as Error).message }));
    }
  });

  documents.listen(connection);
  connection.listen();
}
