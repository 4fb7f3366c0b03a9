// Naming conventions between CloudFormation and Terraform, in one place: PascalCase -> snake_case, singular
// block names, and the few argument-name conventions the hashicorp/aws provider follows where an argument is
// not simply the property in snake_case. Hover, converter and the Terraform hover all use these.

/** "VisibilityTimeout" -> "visibility_timeout", "DBInstanceClass" -> "db_instance_class", "JobQueue2" -> "job_queue2". */
export function snakeCase(name: string): string {
  // One pass, the same as replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').replace(/([a-z0-9])([A-Z])/g, '$1_$2'), then
  // non-alphanumeric runs to `_`, trimmed: those regexes backtrack over long capital runs (a 40k-character logical
  // id took seconds).
  let out = '';
  let pendingUnderscore = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isAlnum(c)) {
      pendingUnderscore = out.length > 0;
      continue;
    }
    const prev = i > 0 ? name.charCodeAt(i - 1) : 0;
    const split = isUpper(c) && ((isUpper(prev) && isLower(name.charCodeAt(i + 1))) || isLower(prev) || isDigit(prev));
    if ((pendingUnderscore || split) && out.length > 0) out += '_';
    pendingUnderscore = false;
    out += name[i];
  }
  const snake = out.toLowerCase();
  if (!snake) return 'x';
  return isDigit(snake.charCodeAt(0)) ? `_${snake}` : snake;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isUpper(c) || isLower(c) || isDigit(c);

/** "origins" -> "origin", "global_secondary_indexes" -> "global_secondary_index", "policies" -> "policy". */
export function singular(name: string): string {
  if (name.endsWith('indexes')) return name.slice(0, -2);
  if (name.endsWith('ies')) return name.slice(0, -3) + 'y';
  if (name.endsWith('sses')) return name.slice(0, -2);
  if (name.endsWith('s') && !name.endsWith('ss')) return name.slice(0, -1);
  return name;
}

/** A JSON document property's argument drops "_document" (PolicyDocument -> policy), at any depth. */
export function withoutDocument(snake: string): string {
  return snake.replace(/_document$/, '');
}

/** Which convention produced an argument name; earlier rules are stronger evidence. */
export type NamingRule = 'snake' | 'strip-name' | 'name' | 'strip-document' | 'seconds' | 'period-seconds' | 'description' | 'initials' | 'acronym' | 'one-word-more';

export interface ArgumentGuess {
  name: string;
  rule: NamingRule;
  /** 0 = strongest. */
  rank: number;
}

/**
 * Terraform argument names a property may have, strongest first. Each is only a candidate: callers keep the
 * ones the Terraform schema has.
 */
export function argumentGuesses(property: string): ArgumentGuess[] {
  const snake = snakeCase(property);
  const guesses: [string | undefined, NamingRule][] = [
    [snake, 'snake'],
    [snake.replace(/_name$/, ''), 'strip-name'], // BucketName -> bucket
    [property.endsWith('Name') ? 'name' : undefined, 'name'], // QueueName -> name
    [withoutDocument(snake), 'strip-document'], // AssumeRolePolicyDocument -> assume_role_policy
    [`${snake}_seconds`, 'seconds'], // VisibilityTimeout -> visibility_timeout_seconds
    [snake.replace(/_period$/, '_seconds'), 'period-seconds'], // MessageRetentionPeriod -> message_retention_seconds
    [property.endsWith('Description') ? 'description' : undefined, 'description'], // GroupDescription -> description
    [snake.split('_').length >= 3 ? snake.split('_').map((w) => w[0]).join('') : undefined, 'initials'], // FullyQualifiedDomainName -> fqdn
    [/^[A-Z]{2,}[A-Z][a-z]/.test(property) ? snake.slice(snake.indexOf('_') + 1) : undefined, 'acronym'], // DBClusterIdentifier -> cluster_identifier
  ];
  const seen = new Set<string>();
  const out: ArgumentGuess[] = [];
  guesses.forEach(([name, rule], rank) => {
    if (!name || seen.has(name) || !/^[a-z_][a-z0-9_]*$/.test(name)) return;
    seen.add(name);
    out.push({ name, rule, rank });
  });
  return out;
}

/** "DBInstance" of "AWS::RDS::DBInstance": a property named after it (DBInstanceName) names the resource itself. */
export function resourceWord(cfnType: string): string {
  return cfnType.split('::')[2] ?? '';
}

/** "orders_dlq" -> "OrdersDlq": the logical id a template would likely use. */
export function logicalIdFor(name: string): string {
  const id = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return id || 'Resource';
}

/**
 * The argument a separate resource uses to point at its parent, and the parent attribute it takes:
 * aws_s3_bucket -> `bucket` = id, aws_ecs_cluster -> `cluster_name` = name, aws_lb_target_group -> `target_group_arn` = arn.
 * Tries the parent's name from its last word outwards, bare or with _id/_name/_arn, against the companion's arguments.
 */
export function companionLink(parentTfType: string, companionArgs: Readonly<Record<string, unknown>>): { argument: string; attribute: string } | undefined {
  const words = parentTfType.replace(/^aws_/, '').split('_');
  for (let start = words.length - 1; start >= 0; start--) {
    const base = words.slice(start).join('_');
    for (const [suffix, attribute] of [['', 'id'], ['_id', 'id'], ['_name', 'name'], ['_arn', 'arn']] as const) {
      if (`${base}${suffix}` in companionArgs) return { argument: `${base}${suffix}`, attribute };
    }
  }
  return undefined;
}
