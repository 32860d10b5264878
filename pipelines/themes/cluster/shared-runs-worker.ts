import { workerData } from 'node:worker_threads';
import { helpWith, type SharedRuns } from './shared-runs.ts';

helpWith(workerData as SharedRuns);
