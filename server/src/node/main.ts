// aws-notes-ls: `--stdio` for any editor, `--node-ipc` from the VS Code client.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadAwsData } from './dataLoader';
import { featureProviders } from './providers';
import { startServer } from './server';

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
  const connection = createConnection(ProposedFeatures.all);
  // One failed request or a client that rejects a message must never take the server down.
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${(reason as Error)?.stack ?? reason}`));
  process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${error.stack ?? error}`));
  startServer(connection, () => loadAwsData(), featureProviders());
}

main();
