import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor';
import { can, type PolicyAction, policyActions } from './policy';

const OWN = 7;
const OTHER = 9;
const actor = (role: Role): Actor => ({
  id: 1,
  username: role,
  name: role,
  role,
  departmentId: role === 'department_head' ? OWN : null,
  locale: null,
});

const reads: PolicyAction[] = [
  'conference.read', 'person.read', 'action.read', 'task.read', 'task.export', 'report.read',
  'indicator.read', 'department.read',
];
const officeWrites: PolicyAction[] = [
  'conference.create', 'conference.update', 'conference.scheduleYear', 'conference.changeStatus',
  'conference.correctPublished', 'conference.manageVenues', 'conference.manageInvitations',
  'conference.manageSpeakers', 'conference.manageAgenda', 'conference.manageDocuments',
  'conference.recordAttendance', 'person.create', 'person.update', 'action.create', 'action.update', 'action.assign',
  'task.changeDueDate', 'task.reassign', 'task.cancel', 'task.decideExtension', 'task.verify', 'task.return',
  'task.remind', 'task.comment', 'indicator.manage', 'audit.read',
];
const adminOnly: PolicyAction[] = ['user.manage', 'department.manage', 'settings.manage'];
// Read by the office and leaders, not by department heads.
const overview: PolicyAction[] = ['person.list', 'conference.readDraftMinutes'];
const departmentOwn: PolicyAction[] = [
  'conference.read', 'conference.recordAttendance', 'action.read', 'task.read', 'task.export', 'report.read',
  'task.acknowledge', 'task.progress', 'task.submit', 'task.requestExtension', 'task.comment',
];
// Shared reference data every signed-in user may read whatever their department.
const departmentAny: PolicyAction[] = ['person.read', 'indicator.read', 'department.read'];

/** The product brief's roles table, written out per role. */
function expected(role: Role, action: PolicyAction, department: 'own' | 'other'): boolean {
  switch (role) {
    case 'admin':
      return reads.includes(action) || overview.includes(action) || officeWrites.includes(action) || adminOnly.includes(action);
    case 'secretary':
      return reads.includes(action) || overview.includes(action) || officeWrites.includes(action);
    case 'leader':
      return reads.includes(action) || overview.includes(action) || action === 'task.instruct' || action === 'task.comment';
    case 'department_head':
      return departmentAny.includes(action) || (department === 'own' && departmentOwn.includes(action));
  }
}

describe('policy', () => {
  for (const role of ['admin', 'secretary', 'leader', 'department_head'] as const) {
    for (const action of policyActions) {
      for (const department of ['own', 'other'] as const) {
        it(`${role} ${expected(role, action, department) ? 'may' : 'may not'} ${action} on ${department} department`, () => {
          const resource = { departmentId: department === 'own' ? OWN : OTHER };
          expect(can(actor(role), action, resource)).toBe(expected(role, action, department));
        });
      }
    }
  }

  it('lets a department head act on a shared record that names their department', () => {
    expect(can(actor('department_head'), 'conference.read', { departmentIds: [OTHER, OWN] })).toBe(true);
    expect(can(actor('department_head'), 'conference.read', { departmentIds: [OTHER] })).toBe(false);
  });

  it('refuses department-scoped work to a department head without a department', () => {
    const orphan = { ...actor('department_head'), departmentId: null };
    expect(can(orphan, 'task.acknowledge', { departmentId: OWN })).toBe(false);
  });

  it('answers area questions without a record', () => {
    expect(can(actor('department_head'), 'task.read')).toBe(true);
    expect(can(actor('department_head'), 'audit.read')).toBe(false);
    expect(can(actor('leader'), 'task.verify')).toBe(false);
  });
});
