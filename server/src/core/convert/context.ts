// State shared while converting one template: where each logical id went in Terraform, which
// variables/locals/data blocks an expression used, and the TODO list.
import type { AwsData } from '../data/awsData';
import type { TypeMapping } from '../data/types';
import type { CfnTemplate, CfnValueMap } from '../syntax/template';
import type { HclBlock } from './hcl';
import { primaryTf } from '../knowledge/types';

/** Where a CloudFormation logical id lives in the Terraform output. */
export interface TfTarget {
  /** Terraform resource type, e.g. aws_sqs_queue. */
  tfType: string;
  name: string;
  /** Created with `count` (resource Condition): references need `[0]`. */
  counted: boolean;
  /** Attribute `!Ref` becomes. */
  refAttr: string;
  /** GetAtt attribute -> Terraform attribute. */
  attributes: Record<string, string>;
}

/** A top-level piece of output and what it depends on (keys like `var.env`, `local.is_prod`, `data.aws_region.current`). */
export interface Unit {
  key: string;
  kind: 'variable' | 'local' | 'data' | 'resource' | 'output' | 'todo';
  /** Logical id this unit came from (resources, outputs). */
  logicalId?: string;
  block?: HclBlock;
  /** For locals: one entry of the `locals` block. */
  local?: { name: string; value: import('./hcl').Hcl; comment?: string };
  deps: Set<string>;
}

export class ConvertContext {
  readonly units: Unit[] = [];
  readonly todos: string[] = [];
  readonly targets = new Map<string, TfTarget>();
  /** Names already used per Terraform type, to keep addresses unique. */
  private readonly used = new Map<string, Set<string>>();
  /** Dependency set of the unit being built. */
  deps = new Set<string>();
  readonly parameters: CfnValueMap;
  readonly conditions: CfnValueMap;
  readonly mappings: CfnValueMap;

  constructor(readonly template: CfnTemplate, readonly data: AwsData) {
    const value = template.value;
    const section = (name: string) => (value[name] && typeof value[name] === 'object' && !Array.isArray(value[name]) ? (value[name] as CfnValueMap) : {});
    this.parameters = section('Parameters');
    this.conditions = section('Conditions');
    this.mappings = section('Mappings');
  }

  /** The type's mapping when the knowledge layer gives it a hashicorp/aws primary (custom, module, unknown: never). */
  mapping(cfnType: string): TypeMapping | undefined {
    return primaryTf(this.data, cfnType) ? this.data.mappingForCfn(cfnType) : undefined;
  }

  /** Reserves a unique resource name for a Terraform type. */
  uniqueName(tfType: string, wanted: string): string {
    const set = this.used.get(tfType) ?? new Set<string>();
    this.used.set(tfType, set);
    let name = wanted;
    for (let i = 2; set.has(name); i++) name = `${wanted}_${i}`;
    set.add(name);
    return name;
  }

  todo(message: string): string {
    if (!this.todos.includes(message)) this.todos.push(message);
    return `TODO: ${message}`;
  }

  use(key: string): void {
    this.deps.add(key);
  }

  /** Runs `build` collecting the dependencies it used. */
  collect<T>(build: () => T): { value: T; deps: Set<string> } {
    const saved = this.deps;
    this.deps = new Set();
    try {
      const value = build();
      return { value, deps: this.deps };
    } finally {
      for (const d of this.deps) saved.add(d);
      this.deps = saved;
    }
  }

  add(unit: Unit): void {
    if (unit.kind !== 'resource' || !this.units.some((u) => u.key === unit.key)) this.units.push(unit);
  }

  hasUnit(key: string): boolean {
    return this.units.some((u) => u.key === key);
  }
}
