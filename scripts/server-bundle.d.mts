/** Types of scripts/server-bundle.mjs for the TypeScript scripts that use it. */
export function bundleServer(outfile: string, options?: { logLevel?: 'silent' | 'warning' }): Promise<void>;
