// The shared protocol's typed messages, rebuilt with this server's own vscode-jsonrpc classes. shared/protocol.ts
// builds them with the client's copy (vscode-jsonrpc 10); vscode-languageserver pins its own (9), whose classes are
// nominally distinct (private fields) and whose sendNotification checks parameter structures by identity, so passing
// the client's objects would fail to compile or throw. P and R stay those declared once in shared/protocol.ts.
import * as Server from 'vscode-languageserver/node';
import type * as Shared from 'vscode-languageserver-protocol';
import { Notifications as SharedNotifications, Requests as SharedRequests } from '../../../shared/protocol';

type Local<T> =
  T extends Shared.RequestType0<infer R, infer E>
    ? Server.RequestType0<R, E>
    : T extends Shared.RequestType<infer P, infer R, infer E>
      ? Server.RequestType<P, R, E>
      : T extends Shared.NotificationType0
        ? Server.NotificationType0
        : T extends Shared.NotificationType<infer P>
          ? Server.NotificationType<P>
          : never;

type Message = Shared.RequestType0<unknown, unknown> | Shared.RequestType<unknown, unknown, unknown> | Shared.NotificationType0 | Shared.NotificationType<unknown>;

function structures(shared: Message): Server.ParameterStructures {
  const kind = shared.parameterStructures.toString();
  return kind === 'byName' ? Server.ParameterStructures.byName : kind === 'byPosition' ? Server.ParameterStructures.byPosition : Server.ParameterStructures.auto;
}

/** One shared message as this server's class of the same kind (0 or 1 params, request or notification). */
export function local<T extends Message>(shared: T, request: boolean): Local<T> {
  const { method, numberOfParams } = shared;
  if (numberOfParams === 0) return (request ? new Server.RequestType0(method) : new Server.NotificationType0(method)) as Local<T>;
  return (request ? new Server.RequestType(method, structures(shared)) : new Server.NotificationType(method, structures(shared))) as Local<T>;
}

function localAll<T extends Record<string, Message>>(messages: T, request: boolean): { [K in keyof T]: Local<T[K]> } {
  return Object.fromEntries(Object.entries(messages).map(([key, m]) => [key, local(m, request)])) as { [K in keyof T]: Local<T[K]> };
}

export const Requests = localAll(SharedRequests, true);
export const Notifications = localAll(SharedNotifications, false);
