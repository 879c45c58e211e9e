import { deriveFaqId, faqsToCsv, faqsToJson, parseFaqCsv, parseFaqJson } from '../../knowledge/index.js';
import type { FaqInput } from '../../core/types.js';
import { parseCsv } from '../../knowledge/csv.js';

describe('parseFaqJson', () => {
  it('accepts valid entries and fills defaults', () => {
    const { entries, rejected } = parseFaqJson(JSON.stringify([{ id: 'a-1', question: ' 怎么退货？ ', answer: '在订单里申请。' }]));
    expect(rejected).toEqual([]);
    expect(entries).toEqual([{ id: 'a-1', question: '怎么退货？', answer: '在订单里申请。', alternates: [], category: null, tags: [] }]);
  });

  it('rejects each bad row with its row number and a reason, keeping the good ones', () => {
    const { entries, rejected } = parseFaqJson(
      JSON.stringify([
        { id: 'ok', question: 'Q', answer: 'A' },
        { id: 'no-answer', question: 'Q2', answer: '   ' },
        { id: '-bad id!', question: 'Q3', answer: 'A3' },
        { id: 'long', question: 'x'.repeat(301), answer: 'A4' },
        { id: 'ok', question: 'Q5', answer: 'A5' },
        'not an object',
      ]),
    );
    expect(entries.map((e) => e.id)).toEqual(['ok']);
    expect(rejected).toEqual([
      { row: 2, id: 'no-answer', reason: 'answer: must not be empty' },
      { row: 3, id: '-bad id!', reason: expect.stringContaining('id: must match') },
      { row: 4, id: 'long', reason: 'question: must be at most 300 characters' },
      { row: 5, id: 'ok', reason: 'duplicate id "ok" (first used in row 1)' },
      { row: 6, reason: expect.any(String) },
    ]);
  });

  it('derives a stable short id from the question when none is given', () => {
    const first = parseFaqJson(JSON.stringify([{ question: '发票怎么开', answer: 'A' }])).entries[0];
    const again = parseFaqJson(JSON.stringify([{ question: ' 发票怎么开 ', answer: 'B' }])).entries[0];
    expect(first?.id).toMatch(/^faq-[0-9a-f]{12}$/);
    expect(again?.id).toBe(first?.id);
    expect(deriveFaqId('发票怎么开')).toBe(first?.id);
  });

  it('reports a file that is not JSON or not a list', () => {
    expect(parseFaqJson('{oops').rejected[0]).toMatchObject({ row: 0, reason: expect.stringContaining('invalid JSON') });
    expect(parseFaqJson('{"a":1}').rejected).toEqual([{ row: 0, reason: 'expected a JSON array of FAQ entries' }]);
    expect(parseFaqJson('{"faqs":[{"id":"x","question":"Q","answer":"A"}]}').entries).toHaveLength(1);
  });
});

describe('parseFaqCsv', () => {
  it('reads RFC 4180 quoting: commas, newlines and doubled quotes inside fields, and a BOM', () => {
    const csv =
      '\uFEFFid,question,answer,category,alternates\r\n' +
      'ship,"When, exactly, do you ship?","We ship ""today"".\nOr tomorrow.",shipping,dispatch time|"when" ship\r\n' +
      ',发票怎么开,在订单详情申请,,开票|能开发票吗\n';
    const { entries, rejected } = parseFaqCsv(csv);
    expect(rejected).toEqual([]);
    expect(entries[0]).toEqual({
      id: 'ship',
      question: 'When, exactly, do you ship?',
      answer: 'We ship "today".\nOr tomorrow.',
      category: 'shipping',
      alternates: ['dispatch time', '"when" ship'],
      tags: [],
    });
    expect(entries[1]).toMatchObject({ id: deriveFaqId('发票怎么开'), category: null, alternates: ['开票', '能开发票吗'] });
  });

  it('numbers rows like a spreadsheet (header = row 1) and rejects bad ones', () => {
    const csv = 'id,question,answer\na,Q1,A1\nb,,A2\na,Q3,A3\n';
    const { entries, rejected } = parseFaqCsv(csv);
    expect(entries.map((e) => e.id)).toEqual(['a']);
    expect(rejected).toEqual([
      { row: 3, id: 'b', reason: 'question: must not be empty' },
      { row: 4, id: 'a', reason: 'duplicate id "a" (first used in row 2)' },
    ]);
  });

  it('rejects a header without question or answer, and an unterminated quote', () => {
    expect(parseFaqCsv('id,text\n1,x\n').rejected).toEqual([{ row: 1, reason: 'header lacks column(s): question, answer' }]);
    expect(parseFaqCsv('question,answer\n"open,A\n').rejected[0]?.reason).toContain('unterminated quoted field');
    expect(parseFaqCsv('').rejected).toEqual([{ row: 0, reason: 'empty file' }]);
  });
});

describe('export round trips', () => {
  const entries: FaqInput[] = [
    { id: 'ship', question: 'When, exactly, do you ship?', answer: 'We ship "today".\r\nOr tomorrow.', alternates: ['dispatch time', '几点发货'], category: 'shipping', tags: ['物流', 'fast'] },
    { id: 'zh-1', question: ' 前后有空格的问题 ', answer: '答案，带逗号', alternates: [], category: null, tags: [], enabled: false },
  ];
  const normalized = entries.map((e) => ({ ...e, question: e.question.trim() }));

  it('CSV → parse gives the same entries', () => {
    const back = parseFaqCsv(faqsToCsv(entries));
    expect(back.rejected).toEqual([]);
    expect(back.entries).toEqual([{ ...normalized[0], enabled: true }, normalized[1]]);
  });

  it('CSV export turns cells a spreadsheet would run as formulas into text, and reads them back unchanged', () => {
    const risky: FaqInput[] = [
      { id: 'f1', question: '=HYPERLINK("http://evil.example","点我")', answer: '+1 万元', alternates: ['-2', '@SUM(A1)'], category: '=cat', tags: [] },
      { id: 'f2', question: "'=already quoted", answer: "don't panic: it's fine", alternates: [], category: null, tags: [] },
    ];
    const csv = faqsToCsv(risky);
    const cells = parseCsv(csv).records.slice(1).flat();
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining(["'=HYPERLINK(\"http://evil.example\",\"点我\")", "'+1 万元", "'-2|@SUM(A1)", "''=already quoted", "don't panic: it's fine"]));
    const back = parseFaqCsv(csv);
    expect(back.rejected).toEqual([]);
    expect(back.entries).toEqual(risky.map((e) => ({ ...e, enabled: true })));
  });

  it('JSON → parse gives the same entries', () => {
    const back = parseFaqJson(faqsToJson(entries));
    expect(back.rejected).toEqual([]);
    expect(back.entries).toEqual(normalized);
  });
});
