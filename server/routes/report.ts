import { Hono } from 'hono';
import { audit } from '../../pipelines/audit/audit-log.ts';
import { attachment } from '../export/content-disposition.ts';
import type { AppEnv, RouteDeps } from '../http/app-env.ts';
import { requireRole } from '../http/session-auth.ts';
import { readReport } from '../report/read-report.ts';
import type { ReportModel } from '../report/report-model.ts';
import { reportPptx } from '../report/report-pptx.ts';
import { reportXlsx } from '../report/report-xlsx.ts';

export const PPTX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 木更津市地域自立支援協議会_地域課題の報告_2026-11-21.pptx */
export const reportFileName = (model: ReportModel, extension: string): string => `${model.council}_地域課題の報告_${model.createdOn}.${extension}`;

/**
 * The plenary's report saved as files (GET /api/report.pptx, /api/report.xlsx), for whoever
 * may open the print view; always as published, whoever asks. Each save is in the audit log.
 */
export function reportRoutes(deps: RouteDeps) {
  const saved = async (userId: string, format: 'pptx' | 'xlsx', render: (model: ReportModel) => Promise<Uint8Array<ArrayBuffer>>) => {
    const model = await readReport(deps, deps.now());
    const bytes = await render(model);
    await deps.db.write((scope) => audit(scope, { userId, action: `export_report_${format}`, target: `${model.ranking.length} themes` }, deps.now()));
    return { model, bytes };
  };
  return new Hono<AppEnv>()
    .get('/report.pptx', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'viewer');
      const { model, bytes } = await saved(user.userId, 'pptx', reportPptx);
      return c.body(bytes, 200, { 'content-type': PPTX_MEDIA_TYPE, 'content-disposition': attachment(reportFileName(model, 'pptx'), 'report.pptx') });
    })
    .get('/report.xlsx', async (c) => {
      const user = requireRole(c.get('user'), 'secretariat', 'coordinator', 'viewer');
      const { model, bytes } = await saved(user.userId, 'xlsx', reportXlsx);
      return c.body(bytes, 200, { 'content-type': XLSX_MEDIA_TYPE, 'content-disposition': attachment(reportFileName(model, 'xlsx'), 'report.xlsx') });
    });
}
