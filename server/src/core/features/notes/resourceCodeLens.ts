// CodeLens above each resource of a CloudFormation/SAM template and each `resource "aws_..."` block of a
// Terraform file: "N note sections" (the sections a hover on the type counts) and "⇄ <equivalent type>"
// (shows the equivalents picker at the resource type). Pure: the client runs the commands.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, Position, Range } from 'vscode-languageserver-types';
import { parsedDocuments } from '../../syntax/documents';
import type { CoreContext } from '../../context';
import type { FeatureProvider } from '../../featureProvider';
import { cfnEquivalence, primaryCfn } from '../../knowledge';
import { localize } from '../../present/l10n';
import { LENS } from '../../present/messages';

/** Client commands the lenses run (contributed by the VS Code extension). */
export const LENS_COMMANDS = {
  openNotesForService: 'awsNotes.openNotesForService',
  showEquivalents: 'awsNotes.showEquivalents',
} as const;

interface LensTarget {
  /** Where the lens sits (the resource's first line). */
  line: number;
  serviceId?: string;
  /** The type as written ("AWS::SQS::Queue" / "aws_sqs_queue") and where, for the equivalents picker. */
  type: string;
  typePosition: Position;
  /** The other tool's name for it ("aws_sqs_queue" / "AWS::SQS::Queue"), when there is one. */
  equivalent?: string;
}

export function resourceCodeLenses(document: TextDocument, ctx: CoreContext): CodeLens[] {
  const terraform = parsedDocuments.kind(document) === 'terraform';
  const targets = terraform ? terraformTargets(document, ctx) : cloudFormationTargets(document, ctx);
  const lenses: CodeLens[] = [];
  for (const target of targets) {
    const range: Range = { start: { line: target.line, character: 0 }, end: { line: target.line, character: 0 } };
    // The same query as a hover on the type: the count is what the hover and Go to Definition list.
    const query = target.serviceId ? ctx.notes.forIdentity({ kind: terraform ? 'tfType' : 'cfnType', text: target.type, serviceId: target.serviceId, start: 0, end: 0 }) : undefined;
    const count = query ? ctx.notes.sectionCount(query) : 0;
    if (target.serviceId && count > 0) {
      lenses.push({
        range,
        command: {
          title: count === 1 ? localize(ctx.locale, LENS.oneNote) : localize(ctx.locale, LENS.notes, { count }),
          tooltip: localize(ctx.locale, LENS.openNotesTooltip, { type: target.type }),
          command: LENS_COMMANDS.openNotesForService,
          arguments: [{ serviceId: target.serviceId, type: target.type }],
        },
      });
    }
    if (target.equivalent) {
      lenses.push({
        range,
        command: {
          title: `⇄ ${target.equivalent}`,
          tooltip: localize(ctx.locale, LENS.equivalentsTooltip, { type: target.type }),
          command: LENS_COMMANDS.showEquivalents,
          arguments: [{ uri: document.uri, position: target.typePosition }],
        },
      });
    }
  }
  return lenses;
}

function cloudFormationTargets(document: TextDocument, ctx: CoreContext): LensTarget[] {
  const template = parsedDocuments.template(document)?.template;
  if (!template) return [];
  const out: LensTarget[] = [];
  for (const resource of template.resources) {
    if (!resource.type || !resource.typeRange) continue;
    const namespace = resource.type.split('::').slice(0, 2).join('::');
    const serviceId = ctx.data.cfnType(resource.type)?.service ?? ctx.data.serviceByCfnNamespace(namespace)?.id;
    const eq = cfnEquivalence(ctx.data, resource.type);
    out.push({
      line: document.positionAt(resource.idRange.start).line,
      serviceId,
      type: resource.type,
      typePosition: document.positionAt(resource.typeRange.start),
      equivalent: eq.tf[0] ?? eq.awscc,
    });
  }
  return out;
}

function terraformTargets(document: TextDocument, ctx: CoreContext): LensTarget[] {
  const out: LensTarget[] = [];
  for (const block of parsedDocuments.hcl(document)?.body.blocks ?? []) {
    const [typeLabel, name] = block.labels;
    if (block.type.text !== 'resource' || !name || !typeLabel.quoted || !/^aws_[a-z0-9_]+$/.test(typeLabel.text)) continue;
    const type = typeLabel.text;
    out.push({
      line: document.positionAt(block.start).line,
      serviceId: ctx.data.tfResource(type)?.service ?? ctx.data.serviceByTfType(type)?.id,
      type,
      typePosition: document.positionAt(typeLabel.start),
      equivalent: primaryCfn(ctx.data, type),
    });
  }
  return out;
}

export const resourceCodeLensProvider: FeatureProvider = {
  name: 'codelens',
  codeLenses: resourceCodeLenses,
};
