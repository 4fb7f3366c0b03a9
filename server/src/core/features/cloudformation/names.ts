// Every place a template names one of its own entries: Ref / GetAtt / ${} targets, DependsOn, Condition
// attributes and functions, FindInMap map names; and the entries those names point at. Definition,
// references, hover and diagnostics all read the template through this one table.
import { PSEUDO_PARAMETERS } from '../../syntax/template/intrinsics';
import type { CfnEntry, CfnIntrinsic, CfnNode, CfnTemplate, Range, SubReference } from '../../syntax/template/types';

/** Logical ids (parameters and resources) share one namespace; conditions and mappings have their own. */
export type NameSpace = 'id' | 'condition' | 'mapping';

export type NameUse =
  | 'ref'
  | 'getatt'
  | 'sub'
  | 'dependsOn'
  | 'condition' // resource/output `Condition:` attribute
  | 'conditionFn' // !Condition / !If / condition functions
  | 'findInMap';

export interface NameRef {
  name: string;
  range: Range;
  space: NameSpace;
  use: NameUse;
  intrinsic?: CfnIntrinsic;
  subReference?: SubReference;
}

export interface Declaration {
  name: string;
  space: NameSpace;
  kind: 'parameter' | 'resource' | 'condition' | 'mapping';
  entry: CfnEntry;
}

export const PSEUDO = new Set(PSEUDO_PARAMETERS);

const cache = new WeakMap<CfnTemplate, NameRef[]>();

function scalarName(node: CfnNode | undefined): { name: string; range: Range } | undefined {
  if (!node || node.kind !== 'scalar' || node.intrinsic || typeof node.value !== 'string') return undefined;
  return { name: node.value, range: node.valueRange };
}

/** All name references of the template, in text order. */
export function nameRefs(template: CfnTemplate): NameRef[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const refs: NameRef[] = [];
  for (const intrinsic of template.intrinsics) {
    switch (intrinsic.fn) {
      case 'Ref':
        if (intrinsic.target) refs.push({ ...intrinsic.target, space: 'id', use: 'ref', intrinsic });
        break;
      case 'GetAtt':
        if (intrinsic.target) refs.push({ ...intrinsic.target, space: 'id', use: 'getatt', intrinsic });
        break;
      case 'Condition':
        if (intrinsic.target) refs.push({ ...intrinsic.target, space: 'condition', use: 'conditionFn', intrinsic });
        break;
      case 'If': {
        const name = scalarName(intrinsic.args[0]);
        if (name) refs.push({ ...name, space: 'condition', use: 'conditionFn', intrinsic });
        break;
      }
      case 'FindInMap': {
        const name = scalarName(intrinsic.args[0]);
        if (name) refs.push({ ...name, space: 'mapping', use: 'findInMap', intrinsic });
        break;
      }
      case 'Sub':
        for (const sub of intrinsic.subReferences ?? []) {
          if (sub.local) continue;
          refs.push({ name: sub.target, range: { start: sub.range.start, end: sub.range.start + sub.target.length }, space: 'id', use: 'sub', intrinsic, subReference: sub });
        }
        break;
    }
  }
  for (const resource of template.resources) {
    for (const dep of resource.dependsOn) refs.push({ ...dep, space: 'id', use: 'dependsOn' });
    if (resource.condition) refs.push({ ...resource.condition, space: 'condition', use: 'condition' });
  }
  for (const output of template.outputs) {
    const pair = output.node?.kind === 'mapping' ? output.node.pairs.find((p) => p.key === 'Condition') : undefined;
    const name = scalarName(pair?.value);
    if (name) refs.push({ ...name, space: 'condition', use: 'condition' });
  }
  refs.sort((a, b) => a.range.start - b.range.start);
  cache.set(template, refs);
  return refs;
}

const inside = (offset: number, r: Range) => offset >= r.start && offset <= r.end;

/** The name reference under the offset, if any. */
export function nameRefAt(template: CfnTemplate, offset: number): NameRef | undefined {
  return nameRefs(template).find((r) => inside(offset, r.range));
}

export function declarations(template: CfnTemplate): Declaration[] {
  return [
    ...template.parameters.map((entry) => ({ name: entry.id, space: 'id' as const, kind: 'parameter' as const, entry })),
    ...template.resources.map((entry) => ({ name: entry.id, space: 'id' as const, kind: 'resource' as const, entry })),
    ...template.conditions.map((entry) => ({ name: entry.id, space: 'condition' as const, kind: 'condition' as const, entry })),
    ...template.mappings.map((entry) => ({ name: entry.id, space: 'mapping' as const, kind: 'mapping' as const, entry })),
  ];
}

export function declaration(template: CfnTemplate, space: NameSpace, name: string): Declaration | undefined {
  return declarations(template).find((d) => d.space === space && d.name === name);
}

/** The declaration whose logical id is under the offset. */
export function declarationAt(template: CfnTemplate, offset: number): Declaration | undefined {
  return declarations(template).find((d) => inside(offset, d.entry.idRange));
}
