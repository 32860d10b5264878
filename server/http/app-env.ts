import type { CouncilSettings } from '../../pipelines/council/settings.ts';
import type { Database } from '../../pipelines/db/database.ts';
import type { TokenizeMany } from '../../pipelines/text/tokenize-texts.ts';
import type { SessionUser } from '../accounts/roles.ts';

/** What the app is built from: tests pass a temporary database and a fixed clock. */
export interface AppDeps {
  db: Database;
  settings: CouncilSettings;
  tokenizeMany: TokenizeMany;
  now?: () => Date;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes?: number;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    user: SessionUser | null;
    csrf: string | null;
  };
}
