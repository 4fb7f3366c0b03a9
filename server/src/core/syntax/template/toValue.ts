// Plain JS values of the tree, for the converter: function calls become `{ fn, args }`.
import type { CfnFunctionValue, CfnNode, CfnValue, CfnValueMap } from './types';

export function toValue(node: CfnNode | undefined): CfnValue {
  if (!node) return null;
  if (node.intrinsic) return { fn: node.intrinsic.fn, args: node.intrinsic.args.map(toValue) };
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'sequence':
      return node.items.map(toValue);
    case 'mapping': {
      const map: CfnValueMap = {};
      for (const pair of node.pairs) map[pair.key] = toValue(pair.value);
      return map;
    }
  }
}

export function isFunctionValue(value: CfnValue | undefined): value is CfnFunctionValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.fn === 'string' && Array.isArray(value.args) && Object.keys(value).length === 2;
}

export function isValueMap(value: CfnValue | undefined): value is CfnValueMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isFunctionValue(value);
}
