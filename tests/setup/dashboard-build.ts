import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the dashboard into dist/web once, before any test file runs: test files run in
 * parallel, and one rebuilding the folder while another serves it would lose files.
 */
export default async function setup(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
