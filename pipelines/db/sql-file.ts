import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads a fixed SQL statement kept in a `.sql` file beside the module that runs it.
 * `base` is that module's `import.meta.url`.
 */
export function sqlFile(base: string, name: string): string {
  return readFileSync(fileURLToPath(new URL(name, base)), 'utf8');
}
