// The batch output formats (src/report/formats/), piece by piece: CSV quoting, JSON validity, Markdown, the table, HTML escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvFailure, csvHead, csvRows } from '../../src/report/formats/csv.js';
import { parseCsv } from '../support/csv.js';
import { failureLine } from '../../src/report/formats/jsonl.js';
import { escapeHtml, html } from '../../src/report/formats/html.js';
import { jsonHead, jsonPieces, jsonSeparator, jsonTail, jsonText, safeJson } from '../../src/report/formats/json.js';
import { encoded, itemText } from '../../src/batch/process.js';
import { mdHead, mdSection, mdTail } from '../../src/report/formats/markdown.js';
import { askingPart, tableHead, tableRows, tableTail } from '../../src/report/formats/table.js';
import { keep, summarise, type Summary } from '../../src/report/output.js';
import type { Failure, GradedAnswer, GradedTranscript } from '../../src/report/graded.js';
import { bandOf } from '../../src/scoring/score.js';

function answer(over: Partial<GradedAnswer> = {}): GradedAnswer {
  return {
    question: 'kpi-1',
    family: 'kpi',
    matchedBy: 'family',
    prompt: 'Which metric matters most?',
    line: 3,
    followUps: 0,
    answers: [{ text: 'Monthly active borrowers.', line: 4 }],
    total: 48,
    band: 'adequate',
    rubric: { id: 'kpi', hash: 'abc' },
    criteria: [
      {
        id: 'choice',
        title: 'Choice',
        level: 2,
        maxLevel: 3,
        meetsBar: true,
        evidence: [{ quote: 'Monthly active borrowers', line: 4 }],
        missing: ['say why it beats the rest'],
      },
      {
        id: 'context',
        title: 'Context',
        level: 0,
        maxLevel: 2,
        meetsBar: false,
        evidence: [],
        missing: ['mention the lockers', 'say why it fits'],
      },
    ],
    antiPatterns: [],
    ...over,
  };
}

function transcript(over: Partial<GradedTranscript> = {}): GradedTranscript {
  return {
    file: 'calls/ana.txt',
    conversation: 1,
    format: 'text',
    interviewer: 'Rui',
    candidate: 'Ana',
    setAside: [],
    total: 48,
    answers: [answer()],
    unaligned: [],
    skipped: 0,
    ...over,
  };
}

const summary: Summary = { files: 2, transcripts: 2, answers: 3, failures: 1, ungraded: 0, meanAnswer: 41 };
const failures: Failure[] = [{ file: 'calls/bad.txt', line: 7, reason: 'no speaker labels found' }];

describe('summarise', () => {
  it.each([
    [
      { files: 1, transcripts: 1, answers: 3, points: 100, failures: 0, ungraded: 0 },
      { files: 1, transcripts: 1, answers: 3, failures: 0, ungraded: 0, meanAnswer: 33 },
    ],
    // Nothing graded: no mean at all, rather than a mean of 0 that reads as a grade.
    [
      { files: 2, transcripts: 0, answers: 0, points: 0, failures: 2, ungraded: 1 },
      { files: 2, transcripts: 0, answers: 0, failures: 2, ungraded: 1 },
    ],
    [
      { files: 1, transcripts: 2, answers: 2, points: 101, failures: 0, ungraded: 0 },
      { files: 1, transcripts: 2, answers: 2, failures: 0, ungraded: 0, meanAnswer: 51 },
    ],
  ])('%j → %j', (counts, expected) => {
    expect(summarise(counts)).toEqual(expected);
  });
});

describe('CSV', () => {
  it('has a header of the columns and a row per answer', () => {
    const rows = parseCsv(csvHead() + csvRows(transcript({ answers: [answer(), answer({ question: 'kpi-2', line: 9 })] })).join(''));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      [
        'calls/ana.txt',
        '1',
        '',
        'text',
        'Rui',
        'Ana',
        'kpi-1',
        '',
        'Which metric matters most?',
        'kpi',
        'family',
        '3',
        '0',
        '48',
        'adequate',
        'choice=2/3 context=0/2',
        'mention the lockers',
        '',
        '',
        '',
        '',
      ],
      [
        'calls/ana.txt',
        '1',
        '',
        'text',
        'Rui',
        'Ana',
        'kpi-2',
        '',
        'Which metric matters most?',
        'kpi',
        'family',
        '9',
        '0',
        '48',
        'adequate',
        'choice=2/3 context=0/2',
        'mention the lockers',
        '',
        '',
        '',
        '',
      ],
    ]);
  });

  it.each([
    ['a comma', 'Silva, Ana', '"Silva, Ana"', 'Silva, Ana'],
    ['a double quote', 'Ana "the PM"', '"Ana ""the PM"""', 'Ana "the PM"'],
    ['a line break', 'Ana\nSilva', '"Ana\nSilva"', 'Ana\nSilva'],
    // A lone carriage return moves a terminal's cursor: dropped, like every control character.
    ['a carriage return', 'Ana\rSilva', 'AnaSilva', 'AnaSilva'],
    ['an escape sequence', 'Ana \x1b[31mSilva', 'Ana Silva', 'Ana Silva'],
    ['nothing special', 'Ana Silva', 'Ana Silva', 'Ana Silva'],
  ])('a cell with %s is quoted only when it must be, and reads back as shown', (_, name, cell, back) => {
    const text = csvRows(transcript({ candidate: name })).join('');
    expect(text).toContain(`,${cell},`);
    expect(parseCsv(text)[0]![CSV_COLUMNS.indexOf('candidate')]).toBe(back);
  });

  it('a transcript with no answers adds no rows, not even an empty line', () => {
    expect(csvRows(transcript({ answers: [] }))).toEqual([]);
  });

  it("names a stream's conversation by the id it came with, a string or a number, on every row", () => {
    const cell = (t: GradedTranscript) => parseCsv(csvRows(t).join('')).map((r) => r[CSV_COLUMNS.indexOf('id')]);
    expect(cell(transcript({ file: '<stdin>', id: 'cand-007', answers: [answer(), answer({ question: 'kpi-2' })] }))).toEqual([
      'cand-007',
      'cand-007',
    ]);
    expect(cell(transcript({ file: '<stdin>', id: 0 }))).toEqual(['0']);
    expect(cell(transcript({}))).toEqual(['']);
  });

  it('a file or conversation not graded at all has a row: where it was, band "failed", and why in the note', () => {
    const [row] = parseCsv(csvFailure({ file: '<stdin>', line: 18, id: 'c-18', reason: 'message 3 has no "role" or "speaker"' }));
    const named = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row![i]]));
    expect(named).toMatchObject({ file: '<stdin>', id: 'c-18', line: '18', band: 'failed', note: 'message 3 has no "role" or "speaker"' });
    expect(Object.values(named).filter(Boolean)).toHaveLength(5);
    // A reason that would start a formula in a spreadsheet is kept as text, like any cell.
    expect(csvFailure({ file: '=1+1.txt', reason: 'the file is empty' })).toMatch(/^"'=1\+1\.txt",/u);
  });
});

describe('JSON', () => {
  // Values JSON.stringify treats in its own ways: members left out, nulls in arrays, empty
  // containers, numbers it cannot write, strings with line breaks, controls and other scripts.
  const odd = fc.oneof(
    fc.constant(undefined),
    fc.constant(Number.NaN),
    fc.constant(-0),
    fc.constant(Infinity),
    fc.constant(() => 1),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('a\nb', '\u009b[31m', '\u202e', '\u2028', 'trade\u2011off', '"quoted" \\ back'),
  );
  const value = fc.letrec((tie) => ({
    any: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), odd, tie('array'), tie('object')),
    array: fc.array(tie('any'), { maxLength: 4 }),
    object: fc.dictionary(fc.string({ maxLength: 6 }), tie('any'), { maxKeys: 4 }),
  })).object;

  it('in pieces, a value is exactly the text JSON.stringify gives it, indented or on one line', () => {
    fc.assert(
      fc.property(
        value,
        fc.constantFrom(undefined, 2),
        fc.constantFrom('', '    '),
        fc.integer({ min: 0, max: 3 }),
        (v, indent, pad, depth) => {
          const whole = pad + safeJson(JSON.stringify(v, null, indent).replace(/\n/g, `\n${pad}`));
          expect([...jsonPieces(v, indent, pad, depth)].join('')).toBe(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('indents only after line breaks: a line or paragraph separator inside a string stays as it was', () => {
    const t = transcript({ file: 'calls/a\u2028b.txt', candidate: 'Ana\u2029Silva' });
    const text = [...jsonText(t)].join('');
    expect(text).toContain('"calls/a\u2028b.txt"');
    expect(text).toContain('"Ana\u2029Silva"');
    expect(JSON.parse(`[${text}]`)).toEqual([t]);
  });

  it('a transcript is written an answer at a time, the same text as whole', () => {
    const t = transcript({ answers: [answer(), answer({ question: 'kpi-2', line: 9 })] });
    const pieces = [...jsonText(t)];
    expect(pieces.join('')).toBe(`    ${JSON.stringify(t, null, 2).replace(/\n/g, '\n    ')}`);
    // No piece holds more than one answer.
    expect(pieces.filter((p) => p.includes('"question"')).every((p) => p.split('"question"').length === 2)).toBe(true);
  });

  it('encoded in chunks, text reads back the same, each chunk on its own buffer', () => {
    const pieces = Array.from({ length: 3000 }, (_, i) => `${i} é — 🙂 ${'x'.repeat(i % 300)}\n`);
    const chunks = encoded(pieces);
    expect(chunks.length).toBeGreaterThan(1);
    expect(itemText(chunks)).toBe(pieces.join(''));
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    expect(chunks.every((c) => c.byteOffset === 0 && c.byteLength === c.buffer.byteLength)).toBe(true);
    expect(encoded(['', ''])).toEqual([]);
  });

  it.each([0, 1, 3])('the streamed pieces make one valid document (%i transcripts)', (n) => {
    const ts = Array.from({ length: n }, (_, i) => transcript({ file: `calls/${i}.txt`, candidate: `Ana "${i}"\n` }));
    const text = jsonHead() + ts.map((t, i) => jsonSeparator(i === 0) + [...jsonText(t)].join('')).join('') + jsonTail(failures, summary);
    expect(JSON.parse(text)).toEqual({ transcripts: ts, failures, summary });
  });
});

describe('Markdown', () => {
  it('a section per transcript, pipes and line breaks kept out of the table', () => {
    const t = transcript({
      conversation: 2,
      scenario: 'shedshare',
      candidate: 'Ana | Silva',
      answers: [answer({ prompt: 'Which metric |\nmatters most?' })],
      unaligned: [
        { line: 12, speaker: 'Rui', text: 'And the weather?', kind: 'unanswered', reason: 'asked, but not answered', answers: 0 },
      ],
    });
    expect(mdSection(t)).toBe(
      [
        '',
        '## calls/ana.txt (conversation 2) — Ana \\| Silva',
        '',
        'Interviewer: Rui · format: text · scenario: shedshare · mean 48/100',
        '',
        '| Line | Question | Score | Band | Below the bar |',
        '|---|---|---|---|---|',
        '| 3 | Which metric \\| matters most? | 48 | adequate | Context |',
        '',
        'Not graded:',
        '- line 12: “And the weather?” — asked, but not answered',
        '',
      ].join('\n'),
    );
  });

  it('the head and the tail, with the files that failed', () => {
    expect(mdHead()).toBe('# Interview grades\n');
    expect(mdTail(failures, summary)).toBe(
      [
        '',
        '## Summary',
        '',
        '2 transcript(s), 3 answer(s), mean 41/100, 1 file(s) or conversation(s) not graded.',
        '',
        '## Files that could not be graded',
        '',
        '- calls/bad.txt:7: no speaker labels found',
        '',
      ].join('\n'),
    );
    expect(mdTail([], summary)).not.toContain('could not be graded');
  });
});

describe('the terminal table', () => {
  it.each([
    [
      "Thanks for joining. Let's start simple: what is the one number you would steer by?",
      "Let's start simple: what is the one number you would steer by?",
    ],
    [
      'Let us begin. Tell us, what is the most important KPI for our product? And why?',
      'Tell us, what is the most important KPI for our product? And why?',
    ],
    ['What would you change? Think about the sales team.', 'What would you change? Think about the sales team.'],
    ['Walk me through how you would set the target.', 'Walk me through how you would set the target.'],
    ['Dr. Rao sent a note, e.g. about churn. What would you do first?', 'What would you do first?'],
  ])('its question column starts where the turn asks: %j', (turn, shown) => {
    expect(askingPart(turn)).toBe(shown);
    const t = transcript({ answers: [answer({ prompt: turn })] });
    // At 100 columns the question has 54: the row shows the start of what is asked.
    expect(tableRows(t, 100).split('\n')[0]).toContain(shown.slice(0, 40));
  });

  it('a row per answer, long files and questions cut to fit the width', () => {
    const long = transcript({
      file: 'a/very/long/folder/name/for/calls/ana.txt',
      answers: [answer({ prompt: 'Q'.repeat(80), total: 7, band: 'insufficient' })],
    });
    const row = tableRows(long, 80);
    expect(row).toBe(`…/name/for/calls/ana.txt ${'Q'.repeat(33)}…   7 insufficient\n`);
    expect(tableHead(80)).toBe(`${'file'.padEnd(24)} ${'question'.padEnd(34)} pts band\n`);
  });

  it('on a narrow terminal the reason wraps whole, and rows keep the order the questions were asked in', () => {
    const t = transcript({
      answers: [answer({ line: 20 })],
      unaligned: [
        {
          line: 4,
          speaker: 'Rui',
          text: 'Tell me about a time you failed.',
          kind: 'unrecognised',
          reason: 'a behavioural question; rehearse has no rubric for that kind of question',
          answers: 1,
        },
      ],
    });
    const rows = tableRows(t, 60).trimEnd().split('\n');
    expect(rows[0]).toMatch(/^calls\/ana\.txt +Tell me about.*— not graded$/);
    expect(
      rows
        .slice(1, -1)
        .map((r) => r.trim())
        .join(' '),
    ).toBe('↳ a behavioural question; rehearse has no rubric for that kind of question (1 answer(s) not graded)');
    expect(rows.slice(1, -1).every((r) => r.length <= 60)).toBe(true);
    expect(rows.at(-1)).toMatch(/ 48 adequate$/);
  });

  it('a question that was not graded has its row and its reason, in every format', () => {
    const t = transcript({
      unaligned: [
        {
          line: 12,
          speaker: 'Rui',
          text: 'Do you like coffee?',
          kind: 'unrecognised',
          reason: 'matches no question family rehearse has a rubric for',
          answers: 1,
        },
      ],
    });
    expect(tableRows(t, 120).split('\n').slice(1, 3)).toEqual([
      `calls/ana.txt            ${'Do you like coffee?'.padEnd(74)}   — not graded`,
      `${' '.repeat(25)}↳ matches no question family rehearse has a rubric for (1 answer(s) not graded)`,
    ]);
    expect(parseCsv(csvRows(t).join(''))[1]).toEqual([
      'calls/ana.txt',
      '1',
      '',
      'text',
      'Rui',
      'Ana',
      '',
      '',
      'Do you like coffee?',
      '',
      'none',
      '12',
      '',
      '',
      'not graded',
      '',
      '',
      '',
      '',
      '',
      'matches no question family rehearse has a rubric for (1 answer(s) not graded)',
    ]);
    expect(mdSection(t)).toContain(
      '- line 12: “Do you like coffee?” — matches no question family rehearse has a rubric for (1 answer(s) not graded)',
    );
    expect(html([keep(t)], [], summary)).toContain('<td>Do you like coffee?</td><td class="num">—</td><td>not graded</td>');
  });

  it.each([
    [{ ...summary, failures: 0 }, `\n2 transcript(s), 3 answer(s), mean 41/100 · ${bandOf(41)}\n`],
    [
      summary,
      `\n2 transcript(s), 3 answer(s), mean 41/100, 1 file(s) or conversation(s) not graded · ${bandOf(41)}; the reasons are listed above\n`,
    ],
    [
      { files: 1, transcripts: 0, answers: 0, failures: 1, ungraded: 0 },
      '\n0 transcript(s), no answer graded, 1 file(s) or conversation(s) not graded; the reasons are listed above\n',
    ],
  ])('the tail (%j)', (s, text) => {
    expect(tableTail(s)).toBe(text);
  });
});

describe('what the HTML page keeps of a transcript', () => {
  it('keeps every view but not the candidate’s words', () => {
    const t = transcript();
    const kept = keep(t);
    const { answers: _words, ...view } = t.answers[0]!;
    expect(kept.answers).toEqual([view]);
    expect(kept).toEqual({ ...t, answers: [view] });
  });

  it('shows the weakest criterion below its top level and the first evidence, each shortened', () => {
    const quote = 'q'.repeat(250);
    const t = transcript({
      answers: [
        answer({
          prompt: 'p'.repeat(150),
          criteria: [{ ...answer().criteria[0]!, evidence: [{ quote, line: 4 }] }, answer().criteria[1]!],
        }),
      ],
    });
    const page = html([keep(t)], [], summary);
    expect(page).toContain(`<td>${'p'.repeat(139)}…</td><td class="num">48</td><td>adequate</td><td>Context</td>`);
    expect(page).toContain(`<td class="quote">“${'q'.repeat(199)}…”</td>`);
  });

  it('names no weakest criterion when every one is at its top, and no quote without evidence', () => {
    const top = answer({ criteria: [{ ...answer().criteria[0]!, level: 3, evidence: [] }] });
    expect(html([keep(transcript({ answers: [top] }))], [], summary)).toContain('<td>—</td><td class="quote"></td>');
  });
});

describe('HTML', () => {
  it("groups answers by the candidate's name, and keeps candidates the transcripts leave unnamed apart", () => {
    const rows = [
      transcript({ file: 'calls/a.txt', candidate: 'Ana' }),
      transcript({ file: 'calls/b.txt', candidate: 'Ana' }),
      transcript({ file: 'chats/c.jsonl', candidate: 'Candidate' }),
      transcript({ file: 'chats/c.jsonl', conversation: 2, candidate: 'Candidate' }),
      transcript({ file: 'calls/d.txt', candidate: 'Speaker 2' }),
      transcript({ file: 'chats/c.jsonl', conversation: 10, candidate: 'Candidate' }),
      transcript({ file: 'chats/e.json', candidate: 'Guest' }),
    ].map(keep);
    const page = html(rows, [], summarise({ files: 4, transcripts: 5, answers: 5, points: 240, failures: 0, ungraded: 0 }));
    const heading = /<table class="heat"><thead><tr><th>Criterion<\/th>(.*?)<\/tr>/su.exec(page)![1]!;
    expect([...heading.matchAll(/<th scope="col">(.*?)<\/th>/gu)].map((m) => m[1])).toEqual([
      'Ana',
      'Candidate (chats/c.jsonl #2)',
      'Candidate (chats/c.jsonl #10)',
      'Candidate (chats/c.jsonl)',
      'Guest (chats/e.json)',
      'Speaker 2 (calls/d.txt)',
    ]);
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`Ana "A" & O'Neil`, 'Ana &quot;A&quot; &amp; O&#39;Neil'],
    ['&lt;', '&amp;lt;'],
  ])('escapeHtml(%j)', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });

  it('the page escapes every text from a transcript and bins every answer in the distribution', () => {
    const hostile = transcript({
      file: 'x<script>.txt',
      candidate: '<img src=x onerror=alert(1)>',
      answers: [
        answer({
          prompt: 'Why <b>this</b>?',
          total: 100,
          criteria: [{ ...answer().criteria[0]!, evidence: [{ quote: '"quoted" & <i>', line: 4 }] }],
        }),
        answer({ total: 5 }),
      ],
    });
    const page = html([keep(hostile)], [{ file: 'bad<.txt', reason: 'not <valid>' }], summary);
    expect(page).not.toMatch(/<script|<img|<b>|<i>/);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('Why &lt;b&gt;this&lt;/b&gt;?');
    expect(page).toContain('“&quot;quoted&quot; &amp; &lt;i&gt;”');
    expect(page).toContain('<li>bad&lt;.txt — not &lt;valid&gt;</li>');
    expect(page.match(/<rect /g)).toHaveLength(10);
    // 100 falls in the last bin (90–99), not an eleventh; 5 in the first.
    expect(page).toContain('<title>90–99: 1</title>');
    expect(page).toContain('<title>0–9: 1</title>');
    expect(page).toContain('<title>40–49: 0</title>');
  });
});

describe('JSON Lines failures', () => {
  it('a failure line has its fields in one order, id first as a graded conversation, however the failure was put together', () => {
    const keys = (f: Failure) => Object.keys(JSON.parse(failureLine(f)) as object);
    expect(keys({ conversation: 2, id: 7, file: '<stdin>', reason: 'no one speaks in it', line: 2 })).toEqual([
      'id',
      'file',
      'conversation',
      'line',
      'error',
    ]);
    expect(keys({ reason: 'the file is empty', file: 'a.txt', kind: 'not-a-conversation' })).toEqual(['file', 'error']);
  });
});
