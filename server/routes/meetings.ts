import { Hono } from 'hono';
import { createMeeting, listMeetings, meetingKinds, meetingRecord, parseAgenda, parseMeeting, setAgenda } from '../../pipelines/meetings/meetings.ts';
import { actionLabel } from '../../shared/vocabulary.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';

/**
 * The council's meetings: the meeting and the secretariat record them (kind, date, the
 * subcommittee of a 専門部会), set their agenda (themes, or items in words, with the
 * question to decide), and read each as minutes — the agenda and the decisions taken in it.
 */
export function meetingRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const meetings = await deps.cache.get('meetings', () => deps.db.read(listMeetings));
      return c.json({ kinds: meetingKinds(deps.settings), calendar: deps.settings.calendar ?? [], meetings });
    })
    .post('/', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const meeting = parseMeeting(await c.req.json().catch(() => null), deps.settings);
      const meetingId = await createMeeting(deps.db, meeting, user.userId, deps.now());
      return c.json({ meetingId, ...meeting }, 201);
    })
    .get('/:id', async (c) => {
      requireRole(c.get('user'), 'secretariat', 'coordinator');
      const record = await deps.db.read((scope) => meetingRecord(scope, c.req.param('id')));
      return c.json({ ...record, decisions: record.decisions.map((d) => ({ ...d, label: actionLabel(String(d.action)) })) });
    })
    .put('/:id/agenda', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator');
      const items = parseAgenda(await c.req.json().catch(() => null));
      await setAgenda(deps.db, c.req.param('id'), items, user.userId, deps.now());
      return c.json({ meetingId: c.req.param('id'), items });
    });
}
