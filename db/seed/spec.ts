import type { AgendaItem, ConferenceInvitation, NewConference, RequestedAction, Speaker, Venue } from '../schema';
import type { CategoryCode } from './departments';
import type { PersonKey } from './people';
import type { TaskPlan } from './replay';

// Plain data describing what the seed writes; ids are resolved only when inserting.
// Cross-references inside one conference are list indexes.

export interface VenueSpec {
  name: string;
  nameEn: string;
  address: string | null;
  kind: Venue['kind'];
  host: string | null;
  connectionNotes: string | null;
}

export interface InvitationSpec {
  department: string;
  attendance: ConferenceInvitation['attendance'];
  attendeeNames: string | null;
  venue: number;
  signedInAt: Date | null;
}

export interface SpeakerSpec {
  person: PersonKey;
  role: Speaker['role'];
  topic: string;
  topicEn: string;
  summary: string | null;
}

export interface AgendaSpec {
  title: string;
  titleEn: string;
  kind: AgendaItem['kind'];
  /** Index into the conference's speakers; null for items nobody presents. */
  presenter: number | null;
  minutes: number;
}

/** A requested action as written in a conference's data module. */
export interface ActionSeed {
  title: string;
  titleEn: string;
  details: string;
  category: CategoryCode;
  priority: RequestedAction['priority'];
  lead: string;
  support: string[];
  /** Due date, in days after the conference. */
  dueDays: number;
}

export interface TaskSpec {
  department: string;
  role: 'lead' | 'support';
  plan: TaskPlan;
}

export interface ActionSpec extends Omit<ActionSeed, 'lead' | 'support' | 'dueDays'> {
  seq: number;
  number: string;
  defaultDueDate: string;
  tasks: TaskSpec[];
}

export interface ConferenceSpec {
  conference: Omit<NewConference, 'chairPersonId' | 'createdById'>;
  chair: PersonKey | null;
  venues: VenueSpec[];
  invitations: InvitationSpec[];
  speakers: SpeakerSpec[];
  agenda: AgendaSpec[];
  /** The speaker (index) who requested the actions, and the agenda item where they did. */
  requestedBy: { speaker: number; agendaItem: number } | null;
  actions: ActionSpec[];
}
