import type { Role } from '../../shared/vocabulary.ts';

export type { Role };

/** What every screen knows once signed in: who is looking, and the council's settings they may see. */
export interface CouncilStatus {
  council: string;
  suppressionThreshold: number;
  subcommittees: string[];
  areas: string[];
  demo: boolean;
}

export interface Context {
  role: Role;
  userName: string;
  status: CouncilStatus;
}

/** Coordinators and the secretariat decide about themes and see their evidence. */
export const decides = (ctx: Context): boolean => ctx.role === 'coordinator' || ctx.role === 'secretariat';
