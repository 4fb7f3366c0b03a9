// The connection's edge (issue 12): every incoming message passes here before it is dispatched. A request whose
// params are malformed, or a second `initialize`, is rewritten into a call of our own `REFUSED` method, whose
// handler answers with the LSP error (InvalidParams / InvalidRequest): the real handler never runs. A malformed
// notification is dropped, with one log line per method. Responses (to the server's own requests) pass through.
import { ErrorCodes, ResponseError, type Connection, type Message, type MessageStrategy } from 'vscode-languageserver/node';
import { validatorFor } from './paramValidators';

export const REFUSED = 'awsNotes/$refused';

interface Refusal {
  code: number;
  message: string;
}

export interface MessageGuard {
  strategy: MessageStrategy;
  /** Registers the handler that answers refused requests (after the connection exists). */
  install(connection: Connection, log: (message: string) => void): void;
  /** How many messages were refused or dropped (for stats and tests). */
  readonly refused: number;
}

export function createMessageGuard(): MessageGuard {
  let initialized = false;
  let refused = 0;
  let log: (message: string) => void = () => undefined;
  const logged = new Set<string>();
  const logOnce = (key: string, message: string) => {
    if (logged.size < 1000 && !logged.has(key)) {
      logged.add(key);
      log(message);
    }
  };

  const refuse = (message: Message & { id: number | string | null; method: string }, refusal: Refusal): Message => {
    refused++;
    return { jsonrpc: message.jsonrpc, id: message.id, method: REFUSED, params: refusal } as Message;
  };

  const strategy: MessageStrategy = {
    handleMessage(message, next) {
      const m = message as Message & { id?: number | string | null; method?: unknown; params?: unknown };
      if (typeof m.method !== 'string') return next(message); // a response
      const isRequest = m.id !== undefined;
      if (m.method === REFUSED) return isRequest ? next(refuse(m as never, { code: ErrorCodes.MethodNotFound, message: 'unknown method' })) : undefined;
      if (m.method === 'initialize' && isRequest) {
        if (initialized) return next(refuse(m as never, { code: ErrorCodes.InvalidRequest, message: 'the server is already initialized: a second initialize is refused' }));
      }
      const validate = validatorFor(m.method);
      // vscode-jsonrpc sends `sendRequest(method, undefined)` as `params: [null]`: positional nulls mean "no params".
      const params = Array.isArray(m.params) && m.params.every((p) => p === null || p === undefined) ? undefined : m.params;
      const problem = validate ? (Array.isArray(params) ? 'params must be an object' : validate(params)) : undefined;
      if (problem) {
        if (isRequest) return next(refuse(m as never, { code: ErrorCodes.InvalidParams, message: `${m.method}: ${problem}` }));
        refused++;
        logOnce(`notification:${m.method}`, `ignored a malformed ${m.method} notification: ${problem} (further ones are ignored silently)`);
        return undefined;
      }
      if (m.method === 'initialize' && isRequest) initialized = true;
      return next(message);
    },
  };

  return {
    strategy,
    install(connection, logger) {
      log = logger;
      connection.onRequest(REFUSED, (refusal: Refusal) => {
        throw new ResponseError(refusal.code, refusal.message);
      });
    },
    get refused() {
      return refused;
    },
  };
}
