import { describe, expect, it } from 'vitest';
import { parseLoaded, summarizeConflict } from './conflict';

const loaded = { status: 'acknowledged', progress: 20, dueDate: '2019-06-30', lastEntryId: 7 } as const;

describe('summarizeConflict', () => {
  it('names the status, progress and due date that changed and the entries written since', () => {
    const summary = summarizeConflict(loaded, {
      current: { status: 'in_progress', progress: 40, dueDate: '2019-07-31', version: 5 },
      recent: [
        { id: 10, kind: 'extension_approved' },
        { id: 9, kind: 'progress' },
        { id: 8, kind: 'extension_request' },
        { id: 7, kind: 'acknowledge' },
        { id: 6, kind: 'assign' },
      ],
    });
    expect(summary).toEqual({
      changes: [
        { field: 'status', from: 'acknowledged', to: 'in_progress' },
        { field: 'progress', from: 20, to: 40 },
        { field: 'dueDate', from: '2019-06-30', to: '2019-07-31' },
      ],
      newKinds: ['extension_request', 'progress', 'extension_approved'],
    });
  });

  it('lists a reminder that changed nothing else once, however often it was sent', () => {
    const summary = summarizeConflict(loaded, {
      current: { status: 'acknowledged', progress: 20, dueDate: '2019-06-30' },
      recent: [{ id: 9, kind: 'reminder' }, { id: 8, kind: 'reminder' }],
    });
    expect(summary).toEqual({ changes: [], newKinds: ['reminder'] });
  });

  it('says nothing it cannot know', () => {
    expect(summarizeConflict(undefined, { current: { status: 'submitted', progress: 100, dueDate: '2019-06-30' } })).toEqual({ changes: [], newKinds: [] });
    expect(summarizeConflict(loaded, undefined)).toEqual({ changes: [], newKinds: [] });
  });
});

describe('parseLoaded', () => {
  it('reads what the form was rendered with and ignores anything else', () => {
    expect(parseLoaded(JSON.stringify(loaded))).toEqual(loaded);
    expect(parseLoaded('{"status":"nope"}')).toBeUndefined();
    expect(parseLoaded('not json')).toBeUndefined();
    expect(parseLoaded(undefined)).toBeUndefined();
  });
});
