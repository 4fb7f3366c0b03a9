// aws-notes-ls: `--stdio` for any editor, `--node-ipc` from the VS Code client.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadAwsData } from './dataLoader';
import { createMessageGuard } from './messageGuard';
import { inputArrived, messageHandled } from './requestGate';
import { startServer } from './server';
import { setServerV8Flags } from './v8Flags';
import { growYoungGeneration } from './youngGeneration';
import { span, traceNow, traceStdio, tracing } from './sliceTrace';
import { traceMemoryOnTimer } from './memoryTrace';

export function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--version')) {
    process.stdout.write('aws-notes-ls 0.1.0\n');
    return;
  }
  if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    process.stderr.write('usage: aws-notes-ls --stdio | --node-ipc\n');
    process.exitCode = 2;
    return;
  }
  // Also when started without the code-cache loader (which sets them before compiling).
  setServerV8Flags();
  growYoungGeneration(); // issue 16: to its cap (8 MB), where it stays (youngGeneration.ts)
  // Issue 12: every message's params are checked before dispatch (malformed ones never reach a handler).
  const guard = createMessageGuard();
  // With AWS_NOTES_TRACE_SLICES, every message's dispatch (handler and reply) is a span named by its method. Every
  // dispatch tells the request gate (requestGate.ts: the crawl's slices wait while a message is being answered).
  const messageStrategy: typeof guard.strategy = {
    handleMessage(message, next) {
      const start = tracing ? traceNow() : 0;
      try {
        guard.strategy.handleMessage(message, next);
      } finally {
        messageHandled();
        if (tracing) span(`msg:${(message as { method?: string }).method ?? 'response'}`, start, undefined, `,"id":${JSON.stringify((message as { id?: unknown }).id ?? null)}`);
      }
    },
  };
  const connection = createConnection(ProposedFeatures.all, { messageStrategy });
  guard.install(connection, (message) => connection.console.warn(message));
  // One failed request or a client that rejects a message must never take the server down.
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${(reason as Error)?.stack ?? reason}`));
  process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${error.stack ?? error}`));
  traceMemoryOnTimer();
  startServer(connection, () => loadAwsData());
  // After the connection's own listeners (it is listening now): input on stdio or IPC opens the request gate.
  if (args.includes('--stdio')) {
    process.stdin.prependListener('data', inputArrived);
    traceStdio();
  }
  else if (args.includes('--node-ipc')) process.prependListener('message', inputArrived);
}

main();
