import { relations } from 'drizzle-orm';
import { agendaItems, conferenceInvitations, conferences, speakers, venues } from './conferences';
import { departments, people, users } from './organization';
import { attachments, notifications } from './system';
import { actionCategories, followUps, requestedActions, tasks } from './tasks';

export const departmentsRelations = relations(departments, ({ one, many }) => ({
  parent: one(departments, { fields: [departments.parentId], references: [departments.id], relationName: 'tree' }),
  children: many(departments, { relationName: 'tree' }),
  users: many(users),
  tasks: many(tasks),
  invitations: many(conferenceInvitations),
}));

export const usersRelations = relations(users, ({ one, many }) => ({
  department: one(departments, { fields: [users.departmentId], references: [departments.id] }),
  notifications: many(notifications),
}));

export const peopleRelations = relations(people, ({ one, many }) => ({
  user: one(users, { fields: [people.userId], references: [users.id] }),
  speakers: many(speakers),
}));

export const conferencesRelations = relations(conferences, ({ one, many }) => ({
  chair: one(people, { fields: [conferences.chairPersonId], references: [people.id] }),
  venues: many(venues),
  invitations: many(conferenceInvitations),
  speakers: many(speakers),
  agendaItems: many(agendaItems),
  actions: many(requestedActions),
  attachments: many(attachments),
}));

export const venuesRelations = relations(venues, ({ one }) => ({
  conference: one(conferences, { fields: [venues.conferenceId], references: [conferences.id] }),
  hostDepartment: one(departments, { fields: [venues.hostDepartmentId], references: [departments.id] }),
}));

export const invitationsRelations = relations(conferenceInvitations, ({ one }) => ({
  conference: one(conferences, { fields: [conferenceInvitations.conferenceId], references: [conferences.id] }),
  department: one(departments, { fields: [conferenceInvitations.departmentId], references: [departments.id] }),
  venue: one(venues, { fields: [conferenceInvitations.venueId], references: [venues.id] }),
}));

export const speakersRelations = relations(speakers, ({ one }) => ({
  conference: one(conferences, { fields: [speakers.conferenceId], references: [conferences.id] }),
  person: one(people, { fields: [speakers.personId], references: [people.id] }),
}));

export const agendaItemsRelations = relations(agendaItems, ({ one }) => ({
  conference: one(conferences, { fields: [agendaItems.conferenceId], references: [conferences.id] }),
  presenter: one(speakers, { fields: [agendaItems.presenterSpeakerId], references: [speakers.id] }),
}));

export const requestedActionsRelations = relations(requestedActions, ({ one, many }) => ({
  conference: one(conferences, { fields: [requestedActions.conferenceId], references: [conferences.id] }),
  speaker: one(speakers, { fields: [requestedActions.speakerId], references: [speakers.id] }),
  requestedBy: one(people, { fields: [requestedActions.requestedByPersonId], references: [people.id] }),
  agendaItem: one(agendaItems, { fields: [requestedActions.agendaItemId], references: [agendaItems.id] }),
  category: one(actionCategories, { fields: [requestedActions.categoryCode], references: [actionCategories.code] }),
  tasks: many(tasks),
}));

export const tasksRelations = relations(tasks, ({ one, many }) => ({
  action: one(requestedActions, { fields: [tasks.actionId], references: [requestedActions.id] }),
  conference: one(conferences, { fields: [tasks.conferenceId], references: [conferences.id] }),
  department: one(departments, { fields: [tasks.departmentId], references: [departments.id] }),
  followUps: many(followUps),
}));

export const followUpsRelations = relations(followUps, ({ one, many }) => ({
  task: one(tasks, { fields: [followUps.taskId], references: [tasks.id] }),
  author: one(users, { fields: [followUps.authorId], references: [users.id] }),
  attachments: many(attachments),
}));

export const attachmentsRelations = relations(attachments, ({ one }) => ({
  conference: one(conferences, { fields: [attachments.conferenceId], references: [conferences.id] }),
  followUp: one(followUps, { fields: [attachments.followUpId], references: [followUps.id] }),
  uploadedBy: one(users, { fields: [attachments.uploadedById], references: [users.id] }),
}));

export const notificationsRelations = relations(notifications, ({ one }) => ({
  user: one(users, { fields: [notifications.userId], references: [users.id] }),
  task: one(tasks, { fields: [notifications.taskId], references: [tasks.id] }),
}));
