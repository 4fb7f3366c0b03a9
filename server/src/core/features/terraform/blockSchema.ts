// Where a block sits in its resource's schema, at any depth: `resource "aws_lambda_function" { vpc_config { ... } }`
// -> the arguments of vpc_config. `dynamic "x" { content { ... } }` stands for repeated `x` blocks.
import type { AwsData } from '../../data/awsData';
import type { TfArgument } from '../../data/types';
import type { HclBlock } from '../../syntax/hcl/hclReader';

export type BlockKind = 'resource' | 'data';

export const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);

export function isAwsType(name: string): boolean {
  return /^aws(?:cc)?_[a-z0-9_]+$/.test(name);
}

export interface BlockSchema {
  /** The resource or data block at the top. */
  top: HclBlock;
  kind: BlockKind;
  tfType: string;
  /** Nested block names from the top down (empty for the top block itself). */
  path: string[];
  /** Arguments and blocks allowed in this block's body. */
  args: Record<string, TfArgument>;
}

/** Terraform's own blocks inside a resource, not in the provider schema. */
export const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection', 'dynamic']);

/** The schema of `block`'s body; undefined outside aws_* resources/data sources or below what the schema knows. */
export function blockSchema(block: HclBlock, data: AwsData): BlockSchema | undefined {
  const path: string[] = [];
  let current: HclBlock | undefined = block;
  while (current?.parent) {
    const parent: HclBlock = current.parent;
    if (current.type.text === 'content' && parent.type.text === 'dynamic') {
      // content of a dynamic block: the body of the block it generates.
    } else if (current.type.text === 'dynamic') {
      const name = current.labels[0]?.text;
      if (!name) return undefined;
      // The dynamic block's own body (for_each, iterator, content) is not the schema's.
      if (current === block) return undefined;
      path.unshift(name);
    } else {
      if (META_BLOCKS.has(current.type.text)) return undefined;
      path.unshift(current.type.text);
    }
    current = parent;
  }
  const top = current;
  if (!top || (top.type.text !== 'resource' && top.type.text !== 'data')) return undefined;
  const tfType = top.labels[0]?.text ?? '';
  if (!isAwsType(tfType) || tfType.startsWith('awscc_')) return undefined;
  const kind = top.type.text as BlockKind;
  let args = data.tfSchema(kind, tfType)?.args;
  for (const name of path) {
    const arg: TfArgument | undefined = args && Object.hasOwn(args, name) ? args[name] : undefined;
    if (!arg?.block || !arg.args) return undefined;
    args = arg.args;
  }
  return args ? { top, kind, tfType, path, args } : undefined;
}

/** "aws_lambda_function › vpc_config" for messages. */
export const blockTitle = (schema: Pick<BlockSchema, 'tfType' | 'path'>) => [schema.tfType, ...schema.path].join(' › ');
