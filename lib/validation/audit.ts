import { dayFilter, defineList, enumFilter } from './list-query';

/** The areas an audit action code starts with (`user.create`, `task.verify`…). */
export const auditActionPrefixes = ['auth', 'user', 'department', 'conference', 'task'] as const;

/** The audit log's URL: newest first; `q` searches the actor, `from`/`to` are Beijing calendar days. */
export const auditListQuery = defineList({
  sort: ['at'],
  defaultSort: 'at',
  defaultDir: 'desc',
  hideable: ['entity', 'ip'],
  filters: { action: enumFilter(auditActionPrefixes), from: dayFilter, to: dayFilter },
});
