import { describe, expect, it } from 'vitest';
import { type FollowUpKind, type TaskStatus, followUpKinds, nextStatus, taskStatuses } from './task-state';

// The life cycle of product.md, written out as a table: [from, kind] → to; anything absent is refused.
const allowed: Record<string, TaskStatus> = {
  'assigned acknowledge': 'acknowledged',
  'acknowledged progress': 'in_progress',
  'in_progress progress': 'in_progress',
  'acknowledged submit': 'submitted',
  'in_progress submit': 'submitted',
  'submitted verify': 'completed',
  'submitted return': 'in_progress',
  'assigned extension_request': 'assigned',
  'acknowledged extension_request': 'acknowledged',
  'in_progress extension_request': 'in_progress',
  'assigned due_date_change': 'assigned',
  'acknowledged due_date_change': 'acknowledged',
  'in_progress due_date_change': 'in_progress',
  'submitted due_date_change': 'submitted',
  'assigned reminder': 'assigned',
  'acknowledged reminder': 'acknowledged',
  'in_progress reminder': 'in_progress',
  'submitted reminder': 'submitted',
  'assigned cancel': 'cancelled',
  'acknowledged cancel': 'cancelled',
  'in_progress cancel': 'cancelled',
  'submitted cancel': 'cancelled',
  'assigned reassign': 'assigned',
  'acknowledged reassign': 'assigned',
  'in_progress reassign': 'assigned',
};
for (const status of taskStatuses) {
  allowed[`${status} instruction`] = status;
  allowed[`${status} comment`] = status;
}

describe('task life cycle without a pending extension', () => {
  for (const status of taskStatuses) {
    for (const kind of followUpKinds) {
      const expected = allowed[`${status} ${kind}`] ?? null;
      it(`${status} + ${kind} → ${expected ?? 'refused'}`, () => {
        expect(nextStatus({ status, extensionPending: false }, kind as FollowUpKind)).toBe(expected);
      });
    }
  }
});

describe('extension decisions', () => {
  it('are accepted only while a request is pending, and leave the status as it is', () => {
    for (const status of ['assigned', 'acknowledged', 'in_progress'] as const) {
      expect(nextStatus({ status, extensionPending: true }, 'extension_approved')).toBe(status);
      expect(nextStatus({ status, extensionPending: true }, 'extension_rejected')).toBe(status);
      expect(nextStatus({ status, extensionPending: false }, 'extension_approved')).toBeNull();
    }
    expect(nextStatus({ status: 'completed', extensionPending: true }, 'extension_approved')).toBeNull();
  });

  it('refuse a second request while one is pending', () => {
    expect(nextStatus({ status: 'in_progress', extensionPending: true }, 'extension_request')).toBeNull();
  });
});
