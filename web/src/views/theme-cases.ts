import { fetchArrowRows } from '../arrow.ts';
import { el } from '../dom.ts';

interface CaseRow {
  record_id: string;
  conference_date: string;
  agency_code: string;
  area: string | null;
  disability_type: string;
  age_band: string;
  similarity: number;
}

const FIRST = 30;

/** The cases behind a theme, nearest its centre first; for the meeting only (the API refuses others). */
export async function themeCases(themeId: string): Promise<HTMLElement> {
  const cases = await fetchArrowRows<CaseRow>(`/api/themes/${encodeURIComponent(themeId)}/cases.arrow`);
  const body = el('tbody');
  const show = (count: number) =>
    body.replaceChildren(
      ...cases.slice(0, count).map((c) =>
        el(
          'tr',
          {},
          ...[c.record_id, c.conference_date, c.agency_code, c.area ?? '', c.disability_type, c.age_band].map((v) => el('td', { text: v })),
          el('td', { className: 'num', text: c.similarity.toFixed(2) }),
        ),
      ),
    );
  show(FIRST);
  const more = el('button', { text: `すべて表示（${cases.length} 件）`, attrs: { type: 'button', 'data-more-cases': '' } });
  more.hidden = cases.length <= FIRST;
  more.addEventListener('click', () => {
    show(cases.length);
    more.hidden = true;
  });
  return el(
    'section',
    { className: 'cases' },
    el('h3', { text: `このテーマの事例（${cases.length} 件、中心に近い順）` }),
    el(
      'table',
      { className: 'board' },
      el('thead', {}, el('tr', {}, ...['記録ID', '会議日', '事業所', '地区', '障害種別', '年齢層', '近さ'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
      body,
    ),
    more,
  );
}
