import type { Actor, Role } from './actor';

/**
 * Who may do what, in one table. `all`: any record; `own`: records of the actor's
 * department only. lib/data enforces it; the UI and API use it only to hide what would be refused.
 */
type Scope = 'all' | 'own';
type Rule = Partial<Record<Role, Scope>>;

const office: Rule = { admin: 'all', secretary: 'all' };
const everyoneReads: Rule = { admin: 'all', secretary: 'all', leader: 'all', department_head: 'own' };
const departmentWork: Rule = { department_head: 'own' };

export const policy = {
  // Conferences and what belongs to them
  'conference.read': everyoneReads,
  /** Minutes text before it is published; department heads read minutes once published. */
  'conference.readDraftMinutes': { admin: 'all', secretary: 'all', leader: 'all' },
  'conference.create': office,
  'conference.update': office,
  'conference.scheduleYear': office,
  'conference.changeStatus': office,
  'conference.correctPublished': office,
  'conference.manageVenues': office,
  'conference.manageInvitations': office,
  'conference.manageSpeakers': office,
  'conference.manageAgenda': office,
  'conference.manageDocuments': office,
  'conference.recordAttendance': { ...office, department_head: 'own' },
  'person.read': { admin: 'all', secretary: 'all', leader: 'all', department_head: 'all' },
  'person.create': office,
  'person.update': office,
  /** The people directory; department heads meet people on their own conferences' pages only. */
  'person.list': { admin: 'all', secretary: 'all', leader: 'all' },

  // Requested actions and tasks
  'action.read': everyoneReads,
  'action.create': office,
  'action.update': office,
  'action.assign': office,
  'task.read': everyoneReads,
  'task.export': everyoneReads,
  'task.changeDueDate': office,
  'task.reassign': office,
  'task.cancel': office,
  'task.acknowledge': departmentWork,
  'task.progress': departmentWork,
  'task.submit': departmentWork,
  'task.requestExtension': departmentWork,
  'task.decideExtension': office,
  'task.verify': office,
  'task.return': office,
  'task.remind': office,
  'task.instruct': { leader: 'all' },
  'task.comment': everyoneReads,

  // Oversight
  'report.read': everyoneReads,
  'indicator.read': { admin: 'all', secretary: 'all', leader: 'all', department_head: 'all' },
  'indicator.manage': office,
  'audit.read': office,

  // Administration and self-service
  'user.manage': { admin: 'all' },
  'department.manage': { admin: 'all' },
  'settings.manage': { admin: 'all' },
  'department.read': { admin: 'all', secretary: 'all', leader: 'all', department_head: 'all' },
} as const satisfies Record<string, Rule>;

export type PolicyAction = keyof typeof policy;
export const policyActions = Object.keys(policy) as PolicyAction[];

/** What a record is checked against: the department it belongs to, or that it concerns. */
export interface PolicyResource {
  departmentId?: number | null;
  /** For records shared by several departments, e.g. a conference's invited departments. */
  departmentIds?: readonly number[];
}

export function scopeOf(actor: Pick<Actor, 'role'>, action: PolicyAction): Scope | null {
  const rule: Rule = policy[action];
  return rule[actor.role] ?? null;
}

/**
 * Without a resource: may the actor do this to some record (shows an area or a button)?
 * With one: may the actor do it to that record?
 */
export function can(actor: Actor, action: PolicyAction, resource?: PolicyResource): boolean {
  const scope = scopeOf(actor, action);
  if (scope === null) return false;
  if (scope === 'all' || resource === undefined) return true;
  if (actor.departmentId === null) return false;
  if (resource.departmentId === actor.departmentId) return true;
  return resource.departmentIds?.includes(actor.departmentId) ?? false;
}
