// Names: CloudFormation PascalCase -> Terraform snake_case, and singular names for repeated blocks.

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
