import { Hono } from 'hono';
import { actionLabel } from '../../shared/vocabulary.ts';
import { correctCase, parseCaseCorrection } from '../../pipelines/review/correct-case.ts';
import { listCorrections } from '../../pipelines/review/corrections.ts';
import { undoCorrection } from '../../pipelines/review/undo-correction.ts';
import { invalid } from '../http/api-error.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';

/** Corrections listed, newest first. */
const LISTED = 100;

/**
 * The meeting's corrections of which cases belong together: a case moved, taken out
 * (個別の事情) or pinned from a theme's case list or the unassigned list, and the list of
 * corrections (merges and splits among them) with their undo. Every later analysis
 * honours a correction until it is undone.
 */
export function correctionRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const rows = await deps.cache.get('corrections', () => deps.db.read((scope) => listCorrections(scope, LISTED)));
      return c.json({ corrections: rows.map((r) => ({ ...r, label: actionLabel(String(r.kind)) })) });
    })
    .post('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const correction = parseCaseCorrection(await c.req.json().catch(() => null));
      const result = await correctCase(deps.db, { ...correction, userId: user.userId, now: deps.now() });
      return c.json({ recordId: correction.recordId, ...result });
    })
    .post('/:id/undo', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const id = Number(c.req.param('id'));
      if (!Number.isSafeInteger(id) || id <= 0) throw invalid('id', '取り消す修正の番号が正しくありません。');
      return c.json(await undoCorrection(deps.db, { correctionId: id, userId: user.userId, now: deps.now() }));
    });
}
