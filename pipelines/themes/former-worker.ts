import { parentPort, workerData } from 'node:worker_threads';
import { formInProcess, type FormRequest } from './theme-former.ts';

const request = workerData as FormRequest;
try {
  parentPort?.postMessage({ formed: await formInProcess(request) });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
