// The shape of every request's and notification's params, checked at the edge (issue 12): one small validator per
// method, so handlers never see a wrong type (no TypeError deep inside), and strings that feed searches are capped
// (a 50 MB query is refused before anything folds or matches it). A validator returns why the params are bad, or
// undefined when they are fine. Methods without a validator pass through unchanged.

import { Notifications, Requests } from '../../../shared/protocol';

export type Validator = (params: unknown) => string | undefined;

/** Longest URI accepted (a path is at most 4 KB on Linux; percent-encoding can triple it). */
export const MAX_URI = 16 * 1024;
/** Longest search query (heading search, workspace symbols): nobody types more; longer ones cost time and memory. */
export const MAX_QUERY = 4 * 1024;
/** Longest identifier-like string (a service id, a logical id). */
const MAX_NAME = 1024;
const MAX_INT = 2 ** 31 - 1;

type Check = (v: unknown, at: string) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const string =
  (max: number): Check =>
  (v, at) =>
    typeof v !== 'string' ? `${at} must be a string` : v.length > max ? `${at} is longer than ${max} characters` : undefined;
const int: Check = (v, at) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_INT ? undefined : `${at} must be a non-negative integer`);
const anyInt: Check = (v, at) => (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= MAX_INT ? undefined : `${at} must be an integer`);
const uri = string(MAX_URI);
const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined ? undefined : check(v, at);
const nullable =
  (check: Check): Check =>
  (v, at) =>
    v === null || v === undefined ? undefined : check(v, at);
const oneOf =
  (...checks: Check[]): Check =>
  (v, at) => {
    let first: string | undefined;
    for (const check of checks) {
      const problem = check(v, at);
      if (!problem) return undefined;
      first ??= problem;
    }
    return first;
  };
const object =
  (fields: Record<string, Check>, anyObject = false): Check =>
  (v, at) => {
    if (!isObject(v)) return `${at || 'params'} must be an object`;
    if (anyObject) return undefined;
    for (const key of Object.keys(fields)) {
      const problem = fields[key](v[key], at ? `${at}.${key}` : key);
      if (problem) return problem;
    }
    return undefined;
  };
const array =
  (item: Check, max = 100_000): Check =>
  (v, at) => {
    if (!Array.isArray(v)) return `${at || 'params'} must be an array`;
    if (v.length > max) return `${at} has more than ${max} items`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
const anything: Check = () => undefined;
const nothing: Check = (v, at) => (v === undefined || v === null || (isObject(v) && Object.keys(v).length === 0) ? undefined : `${at || 'params'} must be empty`);

const position = object({ line: int, character: int });
const range = object({ start: position, end: position });
const textDocument = object({ uri });
const textDocumentPosition = object({ textDocument, position });
const folder = object({ uri, name: string(MAX_URI) });
const id = oneOf(anyInt, string(MAX_NAME));

const contentChange = oneOf(object({ range, text: string(Number.MAX_SAFE_INTEGER), rangeLength: optional(int) }), object({ text: string(Number.MAX_SAFE_INTEGER) }));

const checks: Record<string, Check> = {
  initialize: object({
    processId: nullable(anyInt),
    rootUri: nullable(uri),
    rootPath: nullable(string(MAX_URI)),
    locale: optional(string(64)),
    workspaceFolders: nullable(array(folder, 1000)),
    capabilities: optional(object({}, true)),
    initializationOptions: anything,
  }),
  initialized: nothing,
  shutdown: nothing,
  exit: nothing,
  'textDocument/didOpen': object({ textDocument: object({ uri, languageId: string(MAX_NAME), version: anyInt, text: string(Number.MAX_SAFE_INTEGER) }) }),
  'textDocument/didChange': object({ textDocument: object({ uri, version: anyInt }), contentChanges: array(contentChange) }),
  'textDocument/didClose': object({ textDocument }),
  'textDocument/didSave': object({ textDocument, text: optional(string(Number.MAX_SAFE_INTEGER)) }),
  'textDocument/willSave': object({ textDocument, reason: int }),
  'textDocument/willSaveWaitUntil': object({ textDocument, reason: int }),
  'textDocument/hover': textDocumentPosition,
  'textDocument/definition': textDocumentPosition,
  'textDocument/references': object({ textDocument, position, context: optional(object({}, true)) }),
  'textDocument/completion': object({ textDocument, position, context: optional(object({}, true)) }),
  'textDocument/documentSymbol': object({ textDocument }),
  'textDocument/codeLens': object({ textDocument }),
  'completionItem/resolve': object({ label: string(MAX_URI) }),
  'workspace/symbol': object({ query: string(MAX_QUERY) }),
  'workspace/didChangeConfiguration': object({}, true),
  'workspace/didChangeWatchedFiles': object({ changes: array(object({ uri, type: (v, at) => (v === 1 || v === 2 || v === 3 ? undefined : `${at} must be 1, 2 or 3`) })) }),
  'workspace/didChangeWorkspaceFolders': object({ event: object({ added: array(folder, 1000), removed: array(folder, 1000) }) }),
  '$/cancelRequest': object({ id }),
  '$/setTrace': object({ value: string(16) }),
  'window/workDoneProgress/cancel': object({ token: id }),
};

// Our own messages, keyed by the shared protocol's names: the compiler insists every custom request has a validator.
const customRequests: { [K in keyof typeof Requests]: Check } = {
  reindex: nothing,
  stats: nothing,
  servicesInNotes: nothing,
  notesOutline: nothing,
  searchSections: object({ query: string(MAX_QUERY), limit: optional(int) }),
  convert: object({ uri, resource: optional(string(MAX_NAME)), offset: optional(int) }),
  sectionsForService: object({ serviceId: string(MAX_NAME), type: optional(string(MAX_NAME)) }),
  equivalents: object({ uri, position }),
  resolveSection: object({ uri, line: int }),
};
for (const [key, check] of Object.entries(customRequests)) checks[Requests[key as keyof typeof Requests].method] = check;
// The only notification a client sends us (indexed and headingsIndexed go the other way).
checks[Notifications.workspaceTrusted.method] = nothing;

/** The validator of `method`, or undefined when the method has none (its params pass through). */
export function validatorFor(method: string): Validator | undefined {
  const check = Object.prototype.hasOwnProperty.call(checks, method) ? checks[method] : undefined;
  return check && ((params) => check(params, ''));
}
