// Worker boot file: tsx cannot start a .ts worker on Node 20, so register it here first.
import { register } from 'tsx/esm/api';

register();
await import('./term-finder-worker.ts');
