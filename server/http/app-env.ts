import type { CouncilSettings } from '../../pipelines/council/settings.ts';
import type { Database } from '../../pipelines/db/database.ts';
import type { TokenizeMany } from '../../pipelines/text/tokenize-texts.ts';
import type { SessionUser } from '../accounts/roles.ts';
import type { ReadCache } from './read-cache.ts';

/** What the app is built from: tests pass a temporary database and a fixed clock. */
export interface AppDeps {
  db: Database;
  settings: CouncilSettings;
  tokenizeMany: TokenizeMany;
  now?: () => Date;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes?: number;
  /** The built dashboard (dist/web), served beside the API when given. */
  webRoot?: string;
}

/** The dependencies with what createApp adds: one read cache for the whole app. */
export interface RouteDeps extends AppDeps {
  cache: ReadCache;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    user: SessionUser | null;
    csrf: string | null;
  };
}
