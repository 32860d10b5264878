import { createHash } from 'node:crypto';
import type { AgeBand, DisabilityType } from './columns.ts';

/** One validated case record as it is stored: text already masked. */
export interface CaseRecord {
  line: number;
  recordId: string;
  conferenceDate: string;
  agencyCode: string | null;
  area: string | null;
  disabilityType: DisabilityType;
  ageBand: AgeBand;
  consultation: string | null;
  problem: string | null;
  support: string | null;
  regionalNote: string | null;
  contentHash: string;
}

export type CaseContent = Omit<CaseRecord, 'line' | 'contentHash'>;

/** Identifies a record's stored content, so that a re-upload of the same content is recognised. */
export function contentHash(content: CaseContent): string {
  const parts = [
    content.recordId,
    content.conferenceDate,
    content.agencyCode,
    content.area,
    content.disabilityType,
    content.ageBand,
    content.consultation,
    content.problem,
    content.support,
    content.regionalNote,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
