import type { SessionUser } from '../../shared/vocabulary.ts';
import type { CouncilSettings } from '../../pipelines/council/settings.ts';
import type { Database } from '../../pipelines/db/database.ts';
import type { ThemeFormer } from '../../pipelines/themes/theme-former.ts';
import type { TokenizeMany } from '../../pipelines/text/tokenize-texts.ts';
import type { PasswordHasher } from '../accounts/password.ts';
import type { SessionCache } from '../accounts/session-cache.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { ReadCache } from './read-cache.ts';

/** What the app is built from: tests pass a temporary database, a fixed clock and a fast hasher. */
export interface AppDeps {
  db: Database;
  settings: CouncilSettings;
  tokenizeMany: TokenizeMany;
  now?: () => Date;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes?: number;
  /** The built dashboard (dist/web), served beside the API when given. */
  webRoot?: string;
  /** How passwords are hashed and checked (scrypt unless a test gives a cheaper one). */
  passwords?: PasswordHasher;
  /** Where an analysis clusters: a worker thread unless a test gives another. */
  former?: ThemeFormer;
  /**
   * A session made in this process for a command's own browser (`mieruka report --format
   * pdf`): accepted by its token like a stored one until it expires, never stored, and
   * nothing over HTTP can make one.
   */
  localSession?: LocalSession;
}

export interface LocalSession {
  token: string;
  user: SessionUser;
  expiresAt: Date;
}

/** The dependencies with what createApp adds: one read cache, one session cache and one job queue for the whole app. */
export interface RouteDeps extends AppDeps {
  now: () => Date;
  passwords: PasswordHasher;
  cache: ReadCache;
  sessions: SessionCache;
  jobs: JobQueue;
}

/** What a read of the latest run's published figures needs: the database, the settings and the read cache (a route's deps, or the CLI's own). */
export type ReadDeps = Pick<RouteDeps, 'db' | 'settings' | 'cache'>;

export interface AppEnv {
  Variables: {
    requestId: string;
    user: SessionUser | null;
    csrf: string | null;
  };
}
