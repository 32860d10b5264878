import { api, ApiFailure } from '../api.ts';
import type { Context } from '../context.ts';
import { el } from '../dom.ts';

interface Category {
  name: string;
  description: string;
  examples: string[];
}

/** One category as a form row: name, description, example phrases one per line. */
function categoryRow(c: Category, editable: boolean, remove: () => void): HTMLElement {
  const name = el('input', { attrs: { name: 'name', 'aria-label': '分類の名前', size: '24', placeholder: '例: 移動手段' } });
  name.value = c.name;
  const description = el('textarea', { attrs: { name: 'description', 'aria-label': '説明', rows: '2', cols: '40', placeholder: '例: 通所や通院の足がない。' } });
  description.value = c.description;
  const examples = el('textarea', { attrs: { name: 'examples', 'aria-label': '例文（1 行に 1 つ）', rows: '3', cols: '40', placeholder: '例文を 1 行に 1 つ' } });
  examples.value = c.examples.join('\n');
  for (const control of [name, description, examples]) control.disabled = !editable;
  const drop = el('button', { text: '削除', attrs: { type: 'button', 'data-remove-category': '' } });
  drop.addEventListener('click', remove);
  return el('fieldset', { className: 'category', attrs: { 'data-category': '' } }, el('label', { text: '名前 ' }, name), el('label', { text: '説明 ' }, description), el('label', { text: '例文 ' }, examples), editable ? drop : null);
}

function read(row: Element): Category {
  const value = (name: string) => (row.querySelector(`[name=${name}]`) as HTMLInputElement | HTMLTextAreaElement).value.trim();
  return { name: value('name'), description: value('description'), examples: value('examples').split('\n').map((line) => line.trim()).filter((line) => line !== '') };
}

/**
 * The council's categories — its plan's headings, its subcommittees' remits — each with a
 * description and a few example phrases. At the next analysis the cases near each gather
 * under its name; the other themes are found beside them. The secretariat edits them; the
 * meeting reads them.
 */
export async function categoriesView(main: HTMLElement, ctx: Context): Promise<void> {
  const { categories } = await api<{ categories: Category[] }>('GET', '/api/categories');
  const editable = ctx.role === 'secretariat';
  const list = el('div', { className: 'categories' });
  const add = (c: Category) => {
    const row = categoryRow(c, editable, () => row.remove());
    list.append(row);
  };
  for (const c of categories) add(c);
  const message = el('p', { attrs: { role: 'status', 'data-categories-status': '' } });
  const form = el('form', { attrs: { 'aria-label': '協議会の分類' } }, list);
  if (editable) {
    const more = el('button', { text: '分類を追加', attrs: { type: 'button', 'data-add-category': '' } });
    more.addEventListener('click', () => add({ name: '', description: '', examples: [] }));
    const save = el('button', { text: '保存', attrs: { type: 'submit', 'data-save-categories': '' } });
    form.append(el('p', {}, more, save));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      message.textContent = '保存しています…';
      api<{ categories: Category[] }>('PUT', '/api/categories', { categories: [...list.children].map(read) })
        .then((saved) => (message.textContent = `${saved.categories.length} 件の分類を保存しました。次の分析から使われます。`))
        .catch((error: unknown) => (message.textContent = error instanceof ApiFailure ? error.body.message : '保存できませんでした。'));
    });
  }
  main.replaceChildren(
    el('h2', { text: '協議会の分類' }),
    el('p', { className: 'hint', text: '計画の項目や専門部会の所掌を、名前・説明・例文で書きます。分析のとき、説明や例文に近い事例がその名前のテーマに集まり、ほかのテーマはその横に見つかります。' }),
    categories.length === 0 && !editable ? el('p', { text: 'まだ分類はありません。事務局が設定します。' }) : form,
    message,
  );
}
