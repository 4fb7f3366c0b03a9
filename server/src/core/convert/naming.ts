// Names: CloudFormation PascalCase -> Terraform snake_case, and singular names for repeated blocks.

/** "VisibilityTimeout" -> "visibility_timeout", "DBInstanceClass" -> "db_instance_class", "JobQueue2" -> "job_queue2". */
export function snakeCase(name: string): string {
  const snake = name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  if (!snake) return 'x';
  return /^[0-9]/.test(snake) ? `_${snake}` : snake;
}

/** "origins" -> "origin", "global_secondary_indexes" -> "global_secondary_index", "policies" -> "policy". */
export function singular(name: string): string {
  if (name.endsWith('indexes')) return name.slice(0, -2);
  if (name.endsWith('ies')) return name.slice(0, -3) + 'y';
  if (name.endsWith('sses')) return name.slice(0, -2);
  if (name.endsWith('s') && !name.endsWith('ss')) return name.slice(0, -1);
  return name;
}
