// The core's public facade: everything the node layer (server, CLI, worker, cache) uses from the pure core.
// The node layer imports the core only through this file (checked by test/unit/architecture/layering.test.ts).

export { parsedDocuments } from './syntax/documents';
export { cloudFormationProvider } from './features/cloudformation/provider';
export { convertTemplate, templateFormat, templateResourceIds } from './convert';
export { createAwsData } from './data/awsData';
export type { AwsData } from './data/awsData';
export type { RawSdkTable } from './data/sdkTable';
export type { CfnResourceType, CfnTypeSummary, FeatureEntry, RawCfnTypeSummary, IamAction, PropertyTarget, ServiceEntry, TfType, TypeMapping } from './data/types';
export type { FeatureProvider } from './featureProvider';
export { cfnDocUrl } from './present/awsLinks';
export { compactCompletionList } from './present/completionDefaults';
export { equivalentsFor } from './features/aws/equivalents';
export { resolveSection } from './present/noteLinks';
export { notesOutline, sectionsForService, servicesInNotes } from './features/notes/notesOutline';
export { resourceCodeLensProvider } from './features/notes/resourceCodeLens';
export { prepareHeadingSearch, searchSections } from './features/notes/searchSections';
export { charMask, foldedHeadingKeys, seedFoldedHeadingKeys } from './notes/headingKeys';
export { localize, resolveLocale, toDisplayLanguage, toLocale } from './present/l10n';
export type { DisplayLanguage, Locale, Text } from './present/l10n';
export { createLanguageService } from './languageService';
export { warmUpMarkdown } from './present/warmUp';
export { CLI, M } from './present/messages';
export { preScanHeadings } from './syntax/markdown/fastScan';
export type { NoteFile, Section } from './syntax/markdown/noteModel';
export { HIT_FIELDS, mentionHits } from './notes/notesIndex';
export type { NotesIndex, PackedHits } from './notes/notesIndex';
export type { CachedHeadings } from './notes/cachedHeadings';
export { codeValueOf, packSections, readSection, SECTION_INTS, writeSectionInts } from './notes/packedSections';
export type { PackedSections } from './notes/packedSections';
export { parseNote } from './syntax/markdown/parseNote';
export { createRecognizer } from './recognize/identities';
export type { Recognizer } from './recognize/identities';
export { DEFAULT_CORE_SETTINGS } from './settings';
export type { CoreSettings } from './settings';
export { terraformProvider } from './features/terraform/provider';
export type { RawBilingualTable } from './text/bilingual';
export { fnv1a32 } from './text/hash';
