// Where a key or value under a resource's `Properties` sits in the schema, at any depth: follows the key path
// (keys, and list indexes) through nested property types (`AWS::Lambda::Function.VpcConfig`), lists and maps.
// Undefined as soon as the path leaves what the schema knows (an intrinsic, Json, a type the data lacks).
import type { CfnProperty, CfnResourceType } from '../../data/types';

export const PRIMITIVE_TYPES = new Set(['String', 'Integer', 'Long', 'Double', 'Number', 'Boolean', 'Timestamp']);

/** A tag is `Key` + `Value` in every type that uses the shared `Tag` shape. */
const TAG: Record<string, CfnProperty> = {
  Key: { type: 'String', required: true, description: 'The key name of the tag.' },
  Value: { type: 'String', required: true, description: 'The value of the tag.' },
};

/** What a type string stands for: an object with keys, a list or map of something, a primitive, or open. */
export type Shape =
  | { kind: 'object'; name: string; properties: Record<string, CfnProperty> }
  | { kind: 'list' | 'map'; item: string }
  | { kind: 'primitive'; name: string }
  | { kind: 'open' };

/** Members of a union at the top level only: `Map<Boolean|String>` is one map, `List<X>|Json` two members. */
export function unionMembers(typeString: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < typeString.length; i++) {
    const c = typeString[i];
    if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (c === '|' && depth === 0) {
      members.push(typeString.slice(start, i));
      start = i + 1;
    }
  }
  members.push(typeString.slice(start));
  return members;
}

export function shapeOf(type: CfnResourceType, typeString: string, unions: 'open' | 'structured' = 'open'): Shape {
  const members = unionMembers(typeString);
  if (members.length > 1) {
    // `List<KeySchema>|Json` (a type the spec widened): validation cannot tell which member is meant, but hover and
    // completion can follow the structured one.
    if (unions === 'open') return { kind: 'open' };
    for (const member of members) {
      const shape = shapeOf(type, member);
      if (shape.kind === 'object' || shape.kind === 'list' || shape.kind === 'map') return shape;
    }
    return { kind: 'open' };
  }
  const generic = /^(List|Map)<(.+)>$/.exec(typeString);
  if (generic) return { kind: generic[1] === 'List' ? 'list' : 'map', item: generic[2] };
  if (typeString === 'Tags') return { kind: 'list', item: 'Tag' };
  if (PRIMITIVE_TYPES.has(typeString)) return { kind: 'primitive', name: typeString };
  const nested = type.propertyTypes && Object.hasOwn(type.propertyTypes, typeString) ? type.propertyTypes[typeString] : undefined;
  if (nested) return { kind: 'object', name: typeString, properties: nested.properties };
  if (typeString === 'Tag') return { kind: 'object', name: 'Tag', properties: TAG };
  return { kind: 'open' }; // Json, unions, types the data does not describe
}

export interface PropertyAt {
  /** The property's spec. */
  spec: CfnProperty;
  /** Name of the object type holding it: "" for the resource itself, else the property type ("VpcConfig"). */
  owner: string;
}

/** The value type at `path` (keys and indexes below `Properties`); the root is the resource's properties. */
export function typeAtPath(type: CfnResourceType, path: readonly (string | number)[]): { shape: Shape; last?: PropertyAt } | undefined {
  let shape: Shape = { kind: 'object', name: '', properties: type.properties };
  let last: PropertyAt | undefined;
  for (const step of path) {
    if (typeof step === 'number') {
      if (shape.kind !== 'list') return undefined;
      shape = shapeOf(type, shape.item, 'structured');
      continue;
    }
    // A key right under a list (the text-based YAML path does not always count the `- ` of its own line) is a key
    // of its items; a key under a map is the user's own name.
    if (shape.kind === 'list') shape = shapeOf(type, shape.item, 'structured');
    if (shape.kind === 'map') {
      shape = shapeOf(type, shape.item, 'structured');
      continue;
    }
    if (shape.kind !== 'object' || !Object.hasOwn(shape.properties, step)) return undefined;
    const spec: CfnProperty = shape.properties[step];
    last = { spec, owner: shape.name };
    shape = shapeOf(type, spec.type, 'structured');
  }
  return { shape, last };
}

/** The property a key path ends at (its last step a key), with the object type it belongs to. */
export function propertyAtPath(type: CfnResourceType, path: readonly (string | number)[]): PropertyAt | undefined {
  if (path.length === 0 || typeof path[path.length - 1] !== 'string') return undefined;
  return typeAtPath(type, path)?.last;
}

/** The keys an object at `path` may have (for completion); undefined when it is not a known object. */
export function propertiesAtPath(type: CfnResourceType, path: readonly (string | number)[]): { owner: string; properties: Record<string, CfnProperty> } | undefined {
  const at = typeAtPath(type, path);
  if (at?.shape.kind === 'list') {
    // A key typed right under a list key (`Rules:` then `- Id`) belongs to its items.
    const item = shapeOf(type, at.shape.item, 'structured');
    return item.kind === 'object' ? { owner: item.name, properties: item.properties } : undefined;
  }
  return at?.shape.kind === 'object' ? { owner: at.shape.name, properties: at.shape.properties } : undefined;
}

/** "AWS::Lambda::Function.VpcConfig" or the resource type itself for top-level properties. */
export const ownerName = (cfnType: string, owner: string) => (owner ? `${cfnType}.${owner}` : cfnType);
