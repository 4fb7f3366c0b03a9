// Types of readmeForPackage.mjs for the TypeScript tests.
export function readmeForPackage(markdown: string, root: string, options?: { imagesBaseUrl?: string }): string;
