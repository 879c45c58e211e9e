import { api } from './admin-api.js';
import { el, flash } from '/console/dom.js';

/** Bulk import (preview first: what would be added, changed, removed and rejected) and export. */
export function showTransfer(view) {
  const file = el('input', { type: 'file', id: 'import-file', accept: '.json,.csv,application/json,text/csv' });
  const replace = el('input', { type: 'checkbox', id: 'import-replace' });
  const preview = el('button', { type: 'button', id: 'import-preview' }, '预览 Preview (dry run)');
  const apply = el('button', { type: 'button', class: 'primary', id: 'import-apply', disabled: true }, '导入 Import');
  const out = el('section', { id: 'import-report', 'aria-live': 'polite' });
  let loaded = null;

  const run = async (dryRun) => {
    const picked = file.files && file.files[0];
    if (!picked) return flash('请选择文件 Pick a file first', 'error');
    loaded = { name: picked.name, text: await picked.text() };
    const format = /\.csv$/i.test(picked.name) ? 'csv' : 'json';
    try {
      const { report } = await api.importFile(loaded.text, { format, filename: picked.name, dryRun: String(dryRun), replace: String(replace.checked) }, format === 'csv' ? 'text/csv' : 'text/plain');
      render(out, report);
      apply.disabled = !dryRun || report.added.length + report.changed.length + report.removed.length === 0;
      if (!dryRun) flash(`已导入 Imported: ${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed`);
    } catch (err) {
      apply.disabled = true;
      flash(err.message, 'error');
    }
  };
  preview.addEventListener('click', () => run(true));
  apply.addEventListener('click', () => run(false));
  file.addEventListener('change', () => { apply.disabled = true; out.replaceChildren(); });
  replace.addEventListener('change', () => { apply.disabled = true; });

  view.append(
    el('h2', {}, '导入 Import'),
    el('p', { class: 'dim' }, 'JSON（数组）或 CSV（表头 id,question,answer,category,alternates,tags,enabled；相似问法和标签用 | 分隔）。JSON array or CSV; alternates and tags separated by |.'),
    el('div', { class: 'toolbar' }, file, el('label', { class: 'check' }, replace, ' 替换全部 Replace all (delete entries not in the file)'), preview, apply),
    out,
    el('h2', {}, '导出 Export'),
    el('p', {}, el('a', { href: api.exportUrl('json'), download: '', id: 'export-json' }, '下载 JSON'), ' · ', el('a', { href: api.exportUrl('csv'), download: '', id: 'export-csv' }, '下载 CSV')),
  );
}

function render(out, r) {
  const list = (title, id, items, line) => el('section', { class: 'report-part', id },
    el('h3', {}, `${title} (${items.length})`),
    items.length ? el('ul', { class: 'plain' }, items.map((x) => el('li', {}, line(x)))) : null);
  out.replaceChildren(
    el('p', { class: 'summary' }, r.dryRun ? '预览，尚未修改 Preview — nothing changed yet.' : r.applied ? '已导入 Imported.' : '无需修改 Nothing to change.'),
    list('新增 Added', 'report-added', r.added, (a) => `${a.id} · ${a.question}`),
    list('修改 Changed', 'report-changed', r.changed, (c) => `${c.id} (v${c.fromVersion}): ${c.fields.join(', ')}`),
    list('删除 Removed', 'report-removed', r.removed, (id) => id),
    list('拒绝 Rejected', 'report-rejected', r.rejected, (x) => `第 ${x.row} 行 row ${x.row}${x.id ? ` (${x.id})` : ''}: ${x.reason}`),
    el('p', { class: 'dim' }, `未变 Unchanged: ${r.unchanged.length}`),
  );
}
