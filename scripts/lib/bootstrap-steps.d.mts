// Types of bootstrap-steps.mjs (plain JavaScript, run by scripts/next-server.mjs under node).
export function bootstrapSteps(chunkTexts: string[]): number[];
export function buildBootstrapSteps(dir?: string): number[];
