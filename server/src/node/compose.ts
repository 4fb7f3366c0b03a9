// The one place the language service and the workspace indexer are put together, so that the server and the CLI
// answer alike (the same providers, settings and notes).
import { type AwsData, createLanguageService, type FeatureProvider, type Locale } from '../core';
import type { Logger } from './logger';
import { featureProviders } from './providers';
import type { ServerSettings } from './settings';
import { WorkspaceIndexer } from './workspaceIndexer';

export interface WorkspaceOptions {
  data: AwsData;
  settings: ServerSettings;
  workspaceFolders: string[];
  logger: Logger;
  /** The display language now (it may change without a restart). */
  locale: () => Locale;
  providers?: FeatureProvider[];
}

export function composeWorkspace(options: WorkspaceOptions) {
  const { data, settings, workspaceFolders, logger, locale } = options;
  const service = createLanguageService({ data, locale: locale(), settings, providers: options.providers ?? featureProviders() });
  const indexer = new WorkspaceIndexer(service.index, settings, workspaceFolders, logger, locale);
  return { service, indexer };
}
