// API operations called through an SDK: a boto3 method on a client (`sqs.receive_message(...)` where
// `sqs = boto3.client("sqs")`) and an SDK v3 command class (`ReceiveMessageCommand` imported from
// `@aws-sdk/client-sqs`). The client comes from the file itself (what the receiver was made from, the package the
// command is imported from); the operation must be one of that client's operations in botocore's models
// (data/sdk-operations.json, boto3's method names by botocore's own rule), so ordinary method calls never match.
// The IAM action is the action of the operation's name where the IAM data has one (most do; `ListObjectsV2` has none).
import type { AwsData } from '../data/awsData';

export interface SdkOperation {
  kind: 'boto3Method' | 'sdkCommand';
  start: number;
  end: number;
  text: string;
  serviceId: string;
  /** The API operation: "ReceiveMessage". */
  operation: string;
  /** The IAM action with the operation's name: "sqs:ReceiveMessage"; undefined when the IAM data has none. */
  action?: string;
}

/** How much of a file is searched for the client a receiver was made from (files can be megabytes long). */
const CONTEXT_CHARS = 200_000;

export function sdkOperationAt(data: AwsData, text: string, offset: number): SdkOperation | undefined {
  const word = wordAt(text, offset);
  if (!word) return undefined;
  const name = text.slice(word.start, word.end);
  const sdk = data.sdk();
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$|^[a-z]{3,}$/.test(name) && text[word.start - 1] === '.' && /^\s*\(/.test(text.slice(word.end, word.end + 20))) {
    const client = receiverClient(data, text, word.start - 1);
    const service = client && data.serviceByBoto3(client);
    if (!client || !service) return undefined;
    // Without the client's operations (partial data, a client newer than the models), the IAM action of the method's name stands in.
    const operation = sdk?.operations(client).length ? sdk.boto3Operation(client, name) : actionNamed(data, service.iamPrefixes, camelCase(name))?.split(':')[1];
    if (!operation) return undefined;
    const action = actionNamed(data, [sdk?.iamPrefixOf(client), ...service.iamPrefixes], operation);
    return { kind: 'boto3Method', start: word.start, end: word.end, text: name, serviceId: service.id, operation, action };
  }
  const command = /^([A-Z][A-Za-z0-9]+)Command$/.exec(name);
  if (command) {
    const pkg = importingPackage(text, name);
    const client = pkg && sdk?.clientOfJsPackage(pkg);
    // A library package (lib-dynamodb) belongs to the service of the client its commands wrap.
    const service = pkg && (data.serviceByJsPackage(pkg) ?? (client ? data.serviceByBoto3(client) : undefined));
    if (!pkg || !service) return undefined;
    const prefixes = [client && sdk?.iamPrefixOf(client), ...service.iamPrefixes];
    // The import names the package, so a command newer than the models is still an operation when IAM knows its name.
    // A library's command names differ from the operations (PutCommand -> PutItem): only its table answers.
    const byName = pkg.startsWith('@aws-sdk/lib-') ? undefined : actionNamed(data, prefixes, command[1])?.split(':')[1];
    const operation = sdk?.commandOperation(pkg, name) ?? byName;
    if (!operation) return undefined;
    return { kind: 'sdkCommand', start: word.start, end: word.end, text: name, serviceId: service.id, operation, action: actionNamed(data, prefixes, operation) };
  }
  return undefined;
}

function wordAt(text: string, offset: number): { start: number; end: number } | undefined {
  const isWord = (c: string | undefined) => !!c && /[A-Za-z0-9_]/.test(c);
  let start = offset;
  let end = offset;
  while (start > 0 && offset - start < 120 && isWord(text[start - 1])) start--;
  while (end < text.length && end - offset < 120 && isWord(text[end])) end++;
  return end > start ? { start, end } : undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The boto3 client name ("sqs") the expression before `dot` was made from, by `client(...)` or `resource(...)`. */
function receiverClient(data: AwsData, text: string, dot: number, depth = 0): string | undefined {
  const before = text.slice(Math.max(0, dot - 200), dot);
  // boto3.client("sts").get_caller_identity()
  const direct = /(?:client|resource)\(\s*(?:service_name\s*=\s*)?["']([a-z0-9-]+)["'][^()]*\)$/.exec(before);
  if (direct) return direct[1];
  const receiver = /([A-Za-z_][A-Za-z0-9_]*)(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/.exec(before)?.[1];
  if (!receiver || depth > 2) return undefined;
  const context = text.length > CONTEXT_CHARS ? text.slice(Math.max(0, dot - CONTEXT_CHARS), dot) : text;
  const assigned = new RegExp(`(?:^|[^A-Za-z0-9_.])${escape(receiver)}\\s*=\\s*([^\\n]{1,200})`, 'g');
  let found: string | undefined;
  for (const m of context.matchAll(assigned)) {
    const value = m[1];
    const client = /(?:client|resource)\(\s*(?:service_name\s*=\s*)?["']([a-z0-9-]+)["']/.exec(value);
    if (client) found = client[1];
    else {
      // table = dynamodb.Table("users"): the receiver of the right-hand side.
      const chained = /^([A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_][A-Za-z0-9_]*\s*\(/.exec(value.trim());
      if (chained && chained[1] !== receiver) {
        const at = context.indexOf(chained[1], m.index! + m[0].length - value.length) + chained[1].length;
        found = receiverClient(data, context, at, depth + 1) ?? found;
      }
    }
  }
  // A snippet without the client's creation: a receiver named like a boto3 client (`sqs`, `s3`) is that client.
  return found ?? (depth === 0 && data.serviceByBoto3(receiver) ? receiver : undefined);
}

/** The `@aws-sdk/client-*` (or `lib-*`) package a command class is imported from. */
function importingPackage(text: string, command: string): string | undefined {
  const context = text.length > CONTEXT_CHARS ? text.slice(0, CONTEXT_CHARS) : text;
  const pattern = new RegExp(`\\{[^}]*\\b${escape(command)}\\b[^}]*\\}\\s*(?:=\\s*require\\(\\s*|from\\s*)["'](@aws-sdk/(?:client|lib)-[a-z0-9-]+)["']`);
  return pattern.exec(context)?.[1];
}

/** "prefix:Action" for the first prefix whose IAM actions include `operation` (case-insensitive). */
function actionNamed(data: AwsData, prefixes: readonly (string | undefined)[], operation: string): string | undefined {
  const lower = operation.toLowerCase();
  for (const prefix of prefixes) {
    const actions = prefix ? data.iamActions(prefix) : undefined;
    const name = actions && Object.keys(actions).find((a) => a.toLowerCase() === lower);
    if (name) return `${prefix}:${name}`;
  }
  return undefined;
}

function camelCase(snake: string): string {
  return snake.replace(/(?:^|_)([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
