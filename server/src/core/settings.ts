// Settings the core understands (section `awsNotes`); adapters read them from the client.
export interface CoreSettings {
  hover: { maxSections: number };
}

export const DEFAULT_CORE_SETTINGS: CoreSettings = {
  hover: { maxSections: 3 },
};
