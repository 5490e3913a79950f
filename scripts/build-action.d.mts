/** Builds the Action bundle into `outdir` (default dist/action) and returns the paths written. */
export function buildAction(outdir?: string): Promise<string[]>;
