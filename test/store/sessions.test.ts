// The session store on a temporary data folder: round trips, listing, bad files and bad ids.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidFileError, UsageError } from '../../src/errors.js';
import { newSessionId, parseSession, SessionStore } from '../../src/store/sessions.js';
import { aScore, aSession, turn } from '../support/scores.js';

let home: string;
let store: SessionStore;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rehearse-store-'));
  store = new SessionStore(home);
});

const answered = aSession({
  id: 'answered',
  turns: [
    turn({ role: 'interviewer', kind: 'question', questionId: 'kpi', text: 'Which KPI?' }),
    turn({ role: 'candidate', kind: 'answer', questionId: 'kpi', text: 'Borrowers, “monthly”.\nSecond line.' }),
  ],
  scores: { kpi: aScore(40), metrics: aScore(61) },
  updatedAt: '2026-03-02T09:00:00.000Z',
});

describe('SessionStore', () => {
  it('saves and loads a session as it was, in <home>/sessions/<id>.json, with no temporary file left', () => {
    store.save(answered);
    expect(store.dir).toBe(join(home, 'sessions'));
    expect(readdirSync(store.dir)).toEqual(['answered.json', 'answered.lock']);
    expect(store.load('answered')).toEqual(answered);
  });

  it('a second save replaces the first', () => {
    store.save(answered);
    const finished = { ...answered, status: 'finished' as const, updatedAt: '2026-03-02T10:00:00.000Z' };
    store.save(finished);
    expect(store.load('answered')).toEqual(finished);
    expect(readdirSync(store.dir)).toEqual(['answered.json', 'answered.lock']);
  });

  it('lists sessions newest first, with what was answered and the mean so far', () => {
    store.save(aSession({ id: 'oldest', updatedAt: '2026-03-01T08:00:00.000Z' }));
    store.save(answered);
    store.save(aSession({ id: 'middle', status: 'quit', updatedAt: '2026-03-01T12:00:00.000Z' }));
    expect(store.list()).toEqual({
      sessions: [
        {
          id: 'answered',
          scenario: 'shedshare',
          kind: 'interview',
          status: 'in-progress',
          finished: false,
          createdAt: answered.createdAt,
          updatedAt: '2026-03-02T09:00:00.000Z',
          questionsAnswered: 2,
          total: 51,
          file: join(store.dir, 'answered.json'),
        },
        {
          id: 'middle',
          scenario: 'shedshare',
          kind: 'interview',
          status: 'quit',
          finished: false,
          createdAt: answered.createdAt,
          updatedAt: '2026-03-01T12:00:00.000Z',
          questionsAnswered: 0,
          file: join(store.dir, 'middle.json'),
        },
        {
          id: 'oldest',
          scenario: 'shedshare',
          kind: 'interview',
          status: 'in-progress',
          finished: false,
          createdAt: answered.createdAt,
          updatedAt: '2026-03-01T08:00:00.000Z',
          questionsAnswered: 0,
          file: join(store.dir, 'oldest.json'),
        },
      ],
      unreadable: [],
    });
  });

  it('reports unreadable files without failing the list', () => {
    store.save(answered);
    writeFileSync(join(store.dir, 'broken.json'), '{"version": 1, "id": ');
    writeFileSync(join(store.dir, 'wrong.json'), JSON.stringify({ ...answered, version: 7 }));
    const { sessions, unreadable } = store.list();
    expect(sessions.map((s) => s.id)).toEqual(['answered']);
    expect(unreadable.sort()).toEqual([join(store.dir, 'broken.json'), join(store.dir, 'wrong.json')]);
  });

  it('lists session files only: not the reports beside them, temporary files or other names', () => {
    store.save(answered);
    for (const name of ['answered.report.json', 'answered.report.md', 'answered.json.123.tmp', 'notes.txt', 'with space.json']) {
      writeFileSync(join(store.dir, name), '{}');
    }
    expect(store.list()).toMatchObject({ sessions: [{ id: 'answered' }], unreadable: [] });
  });

  it('an empty or missing folder lists nothing', () => {
    expect(store.list()).toEqual({ sessions: [], unreadable: [] });
    mkdirSync(store.dir);
    expect(store.list()).toEqual({ sessions: [], unreadable: [] });
  });

  it.each(['../escape', 'a/b', 'a.b', '', 'with space', '..'])('refuses the id %j before touching the disk', (id) => {
    expect(() => store.load(id)).toThrow(UsageError);
    expect(() => store.load(id)).toThrow(`"${id}" is not a session id`);
  });

  it('a session that is not there is a usage error naming the folder', () => {
    expect(() => store.load('nope')).toThrow(new UsageError(`no session "nope" in ${store.dir} (see \`rehearse sessions\`)`));
  });
});

describe('parseSession', () => {
  it.each([
    ['not JSON', '{', [{ file: 'f.json', path: '', message: expect.stringMatching(/^not valid JSON: /) }]],
    ['a wrong version', JSON.stringify({ ...answered, version: 2 }), [{ file: 'f.json', path: 'version', message: expect.any(String) }]],
    ['a bad id', JSON.stringify({ ...answered, id: '../x' }), [{ file: 'f.json', path: 'id', message: expect.any(String) }]],
  ])('%s: an invalid-file error with the file and the field', (_, text, issues) => {
    try {
      parseSession('f.json', text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidFileError);
      expect((e as InvalidFileError).issues).toEqual(issues);
      expect((e as InvalidFileError).exitCode).toBe(2);
    }
  });
});

describe('newSessionId', () => {
  it.each([
    ['2026-03-01T09:05:07.123Z', 'shedshare', 'a1b2c3', '20260301-090507-shedshare-a1b2c3'],
    ['2026-12-31T23:59:59.999Z', 'x', '000000', '20261231-235959-x-000000'],
  ])('%s, %s, %s → %s', (at, scenario, random, id) => {
    expect(newSessionId(new Date(at), scenario, random)).toBe(id);
  });

  it('is an id the store accepts', () => {
    const id = newSessionId(new Date('2026-03-01T09:05:07Z'), 'shedshare', 'ff00aa');
    store.save(aSession({ id }));
    expect(store.load(id).id).toBe(id);
  });
});
