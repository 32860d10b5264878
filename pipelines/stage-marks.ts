import { channel } from 'node:diagnostics_channel';

/**
 * Named points inside a long job (decoding, the dictionary's load, clustering…), for
 * profiling. They are published on a diagnostics channel only while someone listens — the
 * CLI does with MIERUKA_STAGE_TIMES=1 (cli/stage-times.ts) — so they cost nothing and show
 * nothing otherwise. Each mark begins a stage; `…-done` marks the end of a stage nested in
 * another, which then resumes.
 */
export const STAGE_MARK_CHANNEL = 'mieruka:stage';

const marks = channel(STAGE_MARK_CHANNEL);

export function markStage(stage: string): void {
  if (marks.hasSubscribers) marks.publish(stage);
}
