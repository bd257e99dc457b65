import { pgEnum } from 'drizzle-orm/pg-core';

export const departmentKind = pgEnum('department_kind', ['department', 'district', 'office']);
export const userRole = pgEnum('user_role', ['admin', 'secretary', 'leader', 'department_head']);
export const locale = pgEnum('locale', ['zh-CN', 'en']);

export const conferenceKind = pgEnum('conference_kind', ['quarterly', 'special']);
export const conferenceFormat = pgEnum('conference_format', [
  'in_person',
  'video',
  'telephone',
  'video_telephone',
]);
export const conferenceStatus = pgEnum('conference_status', [
  'draft',
  'scheduled',
  'held',
  'minutes_published',
  'cancelled',
]);
export const relayLevel = pgEnum('relay_level', ['national', 'provincial', 'municipal', 'other']);
export const venueKind = pgEnum('venue_kind', ['main', 'sub']);
export const attendance = pgEnum('attendance', ['unknown', 'present', 'absent', 'excused']);
export const speakerRole = pgEnum('speaker_role', ['chair', 'report', 'instructions', 'relay', 'remarks']);
export const agendaItemKind = pgEnum('agenda_item_kind', [
  'opening',
  'relay',
  'report',
  'speech',
  'deliberation',
  'review',
  'closing',
  'other',
]);

export const priority = pgEnum('priority', ['low', 'normal', 'high', 'urgent']);
export const taskRole = pgEnum('task_role', ['lead', 'support']);
export const taskStatus = pgEnum('task_status', [
  'assigned',
  'acknowledged',
  'in_progress',
  'submitted',
  'completed',
  'cancelled',
]);
/** Every entry on a task's timeline. `assign` opens it; `due_date_change` is a secretary's direct change. */
export const followUpKind = pgEnum('follow_up_kind', [
  'assign',
  'acknowledge',
  'progress',
  'submit',
  'verify',
  'return',
  'extension_request',
  'extension_approved',
  'extension_rejected',
  'due_date_change',
  'reminder',
  'instruction',
  'comment',
  'cancel',
  'reassign',
]);
