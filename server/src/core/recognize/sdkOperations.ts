// API operations called through an SDK: a boto3 method on a client (`sqs.receive_message(...)` where
// `sqs = boto3.client("sqs")`) and an SDK v3 command class (`ReceiveMessageCommand` imported from
// `@aws-sdk/client-sqs`). Both name an API operation, which is also the IAM action that allows it: the service
// comes from the file itself (the client the receiver was made from, the package the command is imported from),
// and the operation must be one of that service's actions in the IAM data, so ordinary method calls never match.
import type { AwsData } from '../data/awsData';

export interface SdkOperation {
  kind: 'boto3Method' | 'sdkCommand';
  start: number;
  end: number;
  text: string;
  serviceId: string;
  /** The IAM action with the operation's name: "sqs:ReceiveMessage". */
  action: string;
}

/** How much of a file is searched for the client a receiver was made from (files can be megabytes long). */
const CONTEXT_CHARS = 200_000;

export function sdkOperationAt(data: AwsData, text: string, offset: number): SdkOperation | undefined {
  const word = wordAt(text, offset);
  if (!word) return undefined;
  const name = text.slice(word.start, word.end);
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$|^[a-z]{3,}$/.test(name) && text[word.start - 1] === '.' && /^\s*\(/.test(text.slice(word.end, word.end + 20))) {
    const serviceId = receiverService(data, text, word.start - 1);
    const action = serviceId && actionNamed(data, serviceId, camelCase(name));
    return action ? { kind: 'boto3Method', start: word.start, end: word.end, text: name, serviceId: serviceId!, action } : undefined;
  }
  const command = /^([A-Z][A-Za-z0-9]+)Command$/.exec(name);
  if (command) {
    const serviceId = importingPackageService(data, text, name);
    const action = serviceId && actionNamed(data, serviceId, command[1]);
    return action ? { kind: 'sdkCommand', start: word.start, end: word.end, text: name, serviceId: serviceId!, action } : undefined;
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

/** The service of the boto3 client/resource the expression before `dot` was made from. */
function receiverService(data: AwsData, text: string, dot: number, depth = 0): string | undefined {
  const before = text.slice(Math.max(0, dot - 200), dot);
  // boto3.client("sts").get_caller_identity()
  const direct = /(?:client|resource)\(\s*(?:service_name\s*=\s*)?["']([a-z0-9-]+)["'][^()]*\)$/.exec(before);
  if (direct) return data.serviceByBoto3(direct[1])?.id;
  const receiver = /([A-Za-z_][A-Za-z0-9_]*)(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/.exec(before)?.[1];
  if (!receiver || depth > 2) return undefined;
  const context = text.length > CONTEXT_CHARS ? text.slice(Math.max(0, dot - CONTEXT_CHARS), dot) : text;
  const assigned = new RegExp(`(?:^|[^A-Za-z0-9_.])${escape(receiver)}\\s*=\\s*([^\\n]{1,200})`, 'g');
  let found: string | undefined;
  for (const m of context.matchAll(assigned)) {
    const value = m[1];
    const client = /(?:client|resource)\(\s*(?:service_name\s*=\s*)?["']([a-z0-9-]+)["']/.exec(value);
    if (client) found = data.serviceByBoto3(client[1])?.id;
    else {
      // table = dynamodb.Table("users"): the receiver of the right-hand side.
      const chained = /^([A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_][A-Za-z0-9_]*\s*\(/.exec(value.trim());
      if (chained && chained[1] !== receiver) {
        const at = context.indexOf(chained[1], m.index! + m[0].length - value.length) + chained[1].length;
        found = receiverService(data, context, at, depth + 1) ?? found;
      }
    }
  }
  // A snippet without the client's creation: a receiver named like a boto3 client (`sqs`, `s3`) is that client.
  return found ?? (depth === 0 ? data.serviceByBoto3(receiver)?.id : undefined);
}

/** The service of the `@aws-sdk/client-*` package a command class is imported from. */
function importingPackageService(data: AwsData, text: string, command: string): string | undefined {
  const context = text.length > CONTEXT_CHARS ? text.slice(0, CONTEXT_CHARS) : text;
  const pattern = new RegExp(`\\{[^}]*\\b${escape(command)}\\b[^}]*\\}\\s*(?:=\\s*require\\(\\s*|from\\s*)["'](@aws-sdk/client-[a-z0-9-]+)["']`);
  const pkg = pattern.exec(context)?.[1];
  return pkg ? data.serviceByJsPackage(pkg)?.id : undefined;
}

function actionNamed(data: AwsData, serviceId: string, operation: string): string | undefined {
  const service = data.service(serviceId);
  for (const prefix of service?.iamPrefixes ?? []) {
    const actions = data.iamActions(prefix);
    if (!actions) continue;
    const lower = operation.toLowerCase();
    const name = Object.keys(actions).find((a) => a.toLowerCase() === lower);
    if (name) return `${prefix}:${name}`;
  }
  return undefined;
}

function camelCase(snake: string): string {
  return snake.replace(/(?:^|_)([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
