// Light diagnostics, never noisy: unknown resource types (with "did you mean"), missing required properties,
// Ref/GetAtt/${}/DependsOn/Condition/FindInMap names that do not exist, unknown GetAtt attributes.
// Nothing is reported on the `!Ref` tags themselves, nor on names and types that are still being typed
// (a prefix of something that exists).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { CoreContext } from '../../context';
import { localize, type Text } from '../../present/l10n';
import type { CfnResourceType } from '../../data/types';
import type { CfnNode, CfnResource, CfnTemplate, Range } from '../../syntax/template/types';
import { CM } from '../../present/messages';
import { declarations, nameRefs, PSEUDO, type NameRef } from './names';
import { literalTemplate, propertyProblems } from './propertyDiagnostics';
import { closest } from '../../text/closest';

const FULL_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
const MAX_DIAGNOSTICS = 200;

export function templateDiagnostics(document: TextDocument, template: CfnTemplate, ctx: CoreContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (range: Range, severity: DiagnosticSeverity, code: string, message: string) => {
    if (out.length >= MAX_DIAGNOSTICS) return;
    out.push({
      range: { start: document.positionAt(range.start), end: document.positionAt(Math.max(range.end, range.start)) },
      severity,
      source: 'aws-notes',
      code,
      message,
    });
  };
  const say = (text: Text, args: Record<string, string> = {}) => localize(ctx.locale, text, args);
  checkTypes(template, ctx, add, say);
  checkNames(template, ctx, add, say);
  return out;
}

type Add = (range: Range, severity: DiagnosticSeverity, code: string, message: string) => void;
type Say = (text: Text, args?: Record<string, string>) => string;

function checkTypes(template: CfnTemplate, ctx: CoreContext, add: Add, say: Say): void {
  const names = ctx.data.cfnTypeNames();
  if (names.length === 0) return; // no data: say nothing rather than everything
  const globals = samGlobals(template);
  const literal = literalTemplate(template);
  for (const resource of template.resources) {
    const type = resource.type;
    if (!type || !resource.typeRange) continue;
    if (!/^(AWS|Alexa)::/.test(type) || type.endsWith('::MODULE')) continue; // custom, registry and module types
    const known = ctx.data.cfnType(type);
    if (!known) {
      // SAM adds resource types faster than the spec follows (WebSocketApi, CapacityProvider): not ours to judge.
      if (type.startsWith('AWS::Serverless::')) continue;
      // A prefix of a known type is still being typed, unless the resource went on past it (`AWS::SQS::Queu` + Properties).
      if (!FULL_TYPE.test(type) || (names.some((n) => n.length > type.length && n.startsWith(type)) && !movedOn(template, resource))) continue;
      const suggestion = closest(type, names);
      const message = say(CM.unknownType, { type }) + (suggestion ? sep(ctx) + say(CM.didYouMean, { name: suggestion }) : '');
      add(resource.typeRange, DiagnosticSeverity.Warning, 'cfn-unknown-type', message);
      continue;
    }
    if (type.startsWith('AWS::Serverless::') && !template.sam) {
      add(resource.typeRange, DiagnosticSeverity.Warning, 'cfn-sam-without-transform', say(CM.samNeedsTransform, { type }));
    }
    // Properties given by a function (`Properties: !If ...`) cannot be checked.
    const propsPair = resource.node?.kind === 'mapping' ? resource.node.pairs.find((p) => p.key === 'Properties') : undefined;
    if (propsPair && !resource.properties) continue;
    if (resource.properties?.intrinsic) continue;
    const present = new Set(resource.propertyPairs.map((p) => p.key));
    if (type.startsWith('AWS::Serverless::')) for (const key of globals.get(type.slice('AWS::Serverless::'.length)) ?? []) present.add(key);
    const missing = Object.entries(known.properties).filter(([name, p]) => p.required && !present.has(name)).map(([name]) => name);
    if (missing.length > 0) {
      const message = missing.length === 1
        ? say(CM.missingRequired, { type, property: missing[0] })
        : say(CM.missingRequiredMany, { type, properties: missing.map((m) => `\`${m}\``).join(', ') });
      add(resource.idRange, DiagnosticSeverity.Warning, 'cfn-missing-required', message);
    }
    // SAM's nested shapes in the spec lag behind SAM itself (Auth.UsagePlan, HttpApi.AccessLogSettings): hover and
    // completion use them, diagnostics do not.
    if (resource.properties && literal && !type.startsWith('AWS::Serverless::')) checkProperties(type, known, resource.properties, add, say, sep(ctx));
  }
}

/** Nested keys and values against the complete schema (propertyDiagnostics.ts). */
function checkProperties(cfnType: string, known: CfnResourceType, properties: CfnNode, add: Add, say: Say, gap: string): void {
  for (const problem of propertyProblems(cfnType, known, properties, closest)) {
    switch (problem.kind) {
      case 'unknownKey': {
        const hint = problem.suggestion ? gap + say(CM.didYouMean, { name: problem.suggestion }) : '';
        add(problem.range, DiagnosticSeverity.Warning, 'cfn-unknown-property', say(CM.unknownProperty, { property: problem.key, type: problem.owner }) + hint);
        break;
      }
      case 'missingKeys':
        add(problem.range, DiagnosticSeverity.Warning, 'cfn-missing-required', problem.keys.length === 1
          ? say(CM.missingRequired, { type: problem.owner, property: problem.keys[0] })
          : say(CM.missingRequiredMany, { type: problem.owner, properties: problem.keys.map((m) => `\`${m}\``).join(', ') }));
        break;
      case 'wrongType':
        add(problem.range, DiagnosticSeverity.Warning, 'cfn-wrong-type', say(CM.wrongType, { property: problem.key, expected: problem.expected }));
        break;
      case 'notAllowed':
        add(problem.range, DiagnosticSeverity.Warning, 'cfn-value-not-allowed', say(CM.valueNotAllowed, {
          property: problem.key, value: problem.value, list: problem.allowed.slice(0, 12).map((a) => `\`${a}\``).join(', ') + (problem.allowed.length > 12 ? ', …' : ''),
        }));
        break;
    }
  }
}

/** The resource has more than its `Type` or another resource follows it: the type is no longer being typed. */
function movedOn(template: CfnTemplate, resource: CfnResource): boolean {
  if (resource.node?.kind === 'mapping' && resource.node.pairs.some((p) => p.key !== 'Type')) return true;
  return template.resources.some((r) => r.range.start > resource.range.end);
}

/** Loop identifiers of `Fn::ForEach::Name: [Identifier, [...], {...}]` anywhere in the template. */
function forEachIdentifiers(template: CfnTemplate): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 30 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key.startsWith('Fn::ForEach::') && Array.isArray(v) && typeof v[0] === 'string') found.add(v[0]);
      visit(v, depth + 1);
    }
  };
  visit(template.value, 0);
  return found;
}

function samGlobals(template: CfnTemplate): Map<string, string[]> {
  const globals = template.sections.find((p) => p.key === 'Globals')?.value;
  const map = new Map<string, string[]>();
  if (globals?.kind !== 'mapping') return map;
  for (const pair of globals.pairs) if (pair.value?.kind === 'mapping') map.set(pair.key, pair.value.pairs.map((p) => p.key));
  return map;
}

function checkNames(template: CfnTemplate, ctx: CoreContext, add: Add, say: Say): void {
  const declared = declarations(template);
  const spaceNames = (space: NameRef['space']) => declared.filter((d) => d.space === space).map((d) => d.name);
  // Declared names per space, built once per template rather than per reference.
  const ids = new Set(spaceNames('id'));
  const resourceIds = template.resources.map((r) => r.id);
  const idsAndPseudo = [...ids, ...PSEUDO];
  const conditionNames = new Set(spaceNames('condition'));
  const mappingNames = new Set(spaceNames('mapping'));
  const still = (name: string, names: Iterable<string>) => {
    for (const n of names) if (n.length > name.length && n.startsWith(name)) return true;
    return false;
  };
  const samImplicit = (name: string) =>
    template.sam && (/^Serverless(RestApi|HttpApi|DeploymentBucket)/.test(name) || resourceIds.some((id) => name.startsWith(id) && name !== id));

  const loopNames = forEachIdentifiers(template);
  for (const ref of nameRefs(template)) {
    const name = ref.name;
    if (!name || /[{}$&\s]/.test(name) || loopNames.has(name)) continue;
    if (ref.space === 'id') {
      if (ref.use !== 'getatt' && ref.use !== 'dependsOn' && PSEUDO.has(name)) continue;
      if (ref.use === 'sub' && ref.subReference?.attribute === undefined && PSEUDO.has(name)) continue;
      if (ref.use === 'sub' && name.startsWith('AWS::')) continue; // `${AWS::Region}` and friends
      const resource = template.resource(name);
      const parameter = template.parameter(name);
      const wantsResource = ref.use === 'getatt' || ref.use === 'dependsOn' || (ref.use === 'sub' && ref.subReference?.attribute !== undefined);
      if (wantsResource && !resource) {
        if (parameter && ref.use === 'getatt') {
          add(ref.range, DiagnosticSeverity.Error, 'cfn-getatt-parameter', say(CM.getAttOnParameter, { name }));
          continue;
        }
        if (samImplicit(name) || still(name, resourceIds)) continue;
        add(ref.range, DiagnosticSeverity.Error, 'cfn-unknown-resource', say(CM.unknownResource, { name }));
        continue;
      }
      if (!resource && !parameter) {
        if (samImplicit(name) || still(name, idsAndPseudo)) continue;
        add(ref.range, DiagnosticSeverity.Error, 'cfn-unknown-ref', say(CM.unknownRef, { name }));
        continue;
      }
      if (resource && (ref.use === 'getatt' || ref.use === 'sub')) checkAttribute(template, ref, ctx, add, say);
    } else if (ref.space === 'condition') {
      if (conditionNames.has(name) || still(name, conditionNames)) continue;
      add(ref.range, DiagnosticSeverity.Error, 'cfn-unknown-condition', say(CM.unknownCondition, { name }));
    } else {
      if (mappingNames.has(name) || still(name, mappingNames)) continue;
      add(ref.range, DiagnosticSeverity.Error, 'cfn-unknown-mapping', say(CM.unknownMapping, { name }));
    }
  }
}

function checkAttribute(template: CfnTemplate, ref: NameRef, ctx: CoreContext, add: Add, say: Say): void {
  const resource = template.resource(ref.name)!;
  const type = resource.type ? ctx.data.cfnType(resource.type) : undefined;
  // SAM types expose the attributes of what they generate (curated lists, never complete).
  if (!type || type.attributes.length === 0 || resource.type!.startsWith('AWS::Serverless::')) return;
  let attribute: string | undefined;
  let range: Range | undefined;
  if (ref.use === 'getatt') {
    attribute = ref.intrinsic?.attribute?.name;
    range = ref.intrinsic?.attribute?.range;
  } else if (ref.subReference?.attribute !== undefined) {
    attribute = ref.subReference.attribute;
    range = { start: ref.range.end + 1, end: ref.subReference.range.end };
  }
  if (attribute === undefined || !range || !attribute || /[{}$\s]/.test(attribute)) return;
  const attrs = type.attributes;
  if (attrs.includes(attribute) || attrs.some((a) => attribute!.startsWith(`${a}.`))) return;
  if (attrs.some((a) => a.length > attribute!.length && a.startsWith(attribute!))) return; // still typing
  const suggestion = closest(attribute, attrs);
  const message =
    say(CM.unknownAttribute, { type: resource.type!, attribute }) +
    sep(ctx) +
    (suggestion ? say(CM.didYouMean, { name: suggestion }) : say(CM.validAttributes, { list: attrs.slice(0, 8).map((a) => `\`${a}\``).join(', ') }));
  add(range, DiagnosticSeverity.Warning, 'cfn-unknown-attribute', message);
}

/** Sentence separator: Japanese sentences end with 。 and need no space. */
const sep = (ctx: CoreContext) => (ctx.locale === 'ja' ? '' : ' ');
