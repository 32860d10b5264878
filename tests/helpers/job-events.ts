import type { Client } from './test-app.ts';

export interface JobEventRecord {
  event: string;
  data: Record<string, unknown>;
}

/** Parses a server-sent event stream's text into its events. */
export function parseEvents(text: string): JobEventRecord[] {
  return text
    .trim()
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => ({
      event: /^event: (.+)$/m.exec(block)?.[1] ?? '',
      data: JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>,
    }));
}

/** The job's server-sent events, parsed, until it ends. */
export async function jobEvents(client: Client, jobId: string): Promise<JobEventRecord[]> {
  return parseEvents(await (await client.get(`/api/jobs/${jobId}/events`)).text());
}

export const csvForm = (text: string, name = 'cases.csv'): FormData => {
  const form = new FormData();
  form.set('file', new File([text], name, { type: 'text/csv' }));
  return form;
};
