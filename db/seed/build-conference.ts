import type { Conference } from '../schema';
import { addDays, at, chineseDate, chineseWeekday, nextWeekday, shanghaiDate } from './dates';
import { departmentByCode, DISTRICT_CODES, MUNICIPAL_CODES } from './departments';
import { historicalPlan } from './history';
import { livePlan, scenarioPicker } from './live-tasks';
import { PEOPLE } from './people';
import type { ActionSeed, ActionSpec, AgendaSpec, ConferenceSpec, InvitationSpec, SpeakerSpec, VenueSpec } from './spec';

export interface Relay {
  title: string;
  titleEn: string;
  level: NonNullable<Conference['relaysLevel']>;
  date: string;
}

export interface QuarterlyInput {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  date: string;
  start: string;
  end: string;
  status: Conference['status'];
  relays: Relay | null;
  speakers: SpeakerSpec[];
  agenda: AgendaSpec[];
  actions: ActionSeed[];
  /** `historical`: long done; `live`: dated relative to today; `none`: not assigned yet. */
  tasks: 'historical' | 'live' | 'none';
  today: Date;
  noticeDate: string | null;
  minutesDate: string | null;
  /** Departments excused from attending. */
  excused: string[];
  /** Positions (in the conference's task order) of historical tasks that were cancelled. */
  cancelled: number[];
}

const QUARTER_ZH = ['一', '二', '三', '四'] as const;
const QUARTER_EN = ['first', 'second', 'third', 'fourth'] as const;
const MAIN_VENUE: VenueSpec = {
  name: '主会场：市人民政府视频会议室',
  nameEn: 'Main venue: Municipal Government video conference room',
  address: '大连市西岗区人民广场1号',
  kind: 'main',
  host: 'committee-office',
  connectionNotes: '省、市视频会议系统；电话会议备用线路',
};

export function quarterlyTitles(quarter: 1 | 2 | 3 | 4): { title: string; titleEn: string } {
  return {
    title: `大连市安全生产暨安委会第${QUARTER_ZH[quarter - 1]}季度工作电视电话会议`,
    titleEn: `Municipal video and telephone conference on safety production and the safety committee's ${QUARTER_EN[quarter - 1]}-quarter work`,
  };
}

export function buildQuarterly(input: QuarterlyInput): ConferenceSpec {
  const { title, titleEn } = quarterlyTitles(input.quarter);
  const startsAt = at(input.date, input.start);
  const draft = input.status === 'draft';
  const met = input.status === 'held' || input.status === 'minutes_published';
  const venues = draft ? [MAIN_VENUE] : [MAIN_VENUE, ...DISTRICT_CODES.map(subVenue)];
  const invitations = draft ? [] : invitationsFor(input, met ? startsAt : null);
  const chairIndex = input.speakers.findIndex((s) => s.role === 'chair');
  const requester = input.speakers.findIndex((s) => s.role === 'instructions');
  const requestedAt = input.agenda.findIndex((a) => a.presenter === requester && a.kind === 'speech');
  const actions = met ? actionSpecs(input) : [];
  return {
    conference: {
      title,
      titleEn,
      kind: 'quarterly',
      year: input.year,
      quarter: input.quarter,
      startsAt,
      endsAt: at(input.date, input.end),
      format: 'video_telephone',
      convenedBy: '大连市人民政府',
      convenedByEn: "Dalian Municipal People's Government",
      relaysTitle: input.relays?.title ?? null,
      relaysTitleEn: input.relays?.titleEn ?? null,
      relaysLevel: input.relays?.level ?? null,
      relaysDate: input.relays?.date ?? null,
      status: input.status,
      noticeText: input.noticeDate ? noticeText(input, title) : null,
      noticeIssuedAt: input.noticeDate ? at(input.noticeDate, '16:00') : null,
      minutesText: input.minutesDate ? minutesText(input, title, actions) : null,
      minutesPublishedAt: input.minutesDate ? at(input.minutesDate, '17:00') : null,
      createdAt: minDate(at(addDays(input.date, -30), '09:00'), new Date(input.today.getTime() - 3_600_000)),
    },
    chair: draft ? null : (input.speakers[chairIndex]?.person ?? null),
    venues,
    invitations,
    speakers: draft ? [] : input.speakers,
    agenda: draft ? [] : input.agenda,
    requestedBy: requester >= 0 && requestedAt >= 0 ? { speaker: requester, agendaItem: requestedAt } : null,
    actions,
  };
}

function subVenue(code: string): VenueSpec {
  const d = departmentByCode(code);
  return {
    name: `${d.name}分会场`,
    nameEn: `${d.nameEn} sub-venue`,
    address: null,
    kind: 'sub',
    host: code,
    connectionNotes: '视频会议专网接入；电话会议备用线路',
  };
}

/** Bureaus sit in the main venue, districts in their own sub-venue (index 1 + district order). */
function invitationsFor(input: QuarterlyInput, startsAt: Date | null): InvitationSpec[] {
  const signedInAt = startsAt && new Date(startsAt.getTime() - 15 * 60_000);
  const invite = (department: string, venue: number): InvitationSpec => {
    const excused = input.excused.includes(department);
    return {
      department,
      venue,
      attendance: !signedInAt ? 'unknown' : excused ? 'excused' : 'present',
      attendeeNames: !signedInAt ? null : excused ? '因公出差，书面请假' : '主要负责同志、分管负责同志',
      signedInAt: signedInAt && !excused ? signedInAt : null,
    };
  };
  return [...MUNICIPAL_CODES.map((c) => invite(c, 0)), ...DISTRICT_CODES.map((c, i) => invite(c, i + 1))];
}

function actionSpecs(input: QuarterlyInput): ActionSpec[] {
  const assignDate = nextWeekday(input.date);
  const today = shanghaiDate(input.today);
  const pick = scenarioPicker();
  let index = 0;
  return input.actions.map((seed, i) => {
    const dueDate = addDays(input.date, seed.dueDays);
    const departments = [{ code: seed.lead, role: 'lead' as const }, ...seed.support.map((code) => ({ code, role: 'support' as const }))];
    const tasks =
      input.tasks === 'none'
        ? []
        : departments.map(({ code, role }) => {
            const n = index++;
            const common = { assignDate, role, category: seed.category, index: n };
            const plan =
              input.tasks === 'live'
                ? livePlan(pick(code, role), { ...common, today })
                : historicalPlan({ ...common, dueDate, cancelled: input.cancelled.includes(n) });
            return { department: code, role, plan };
          });
    return {
      title: seed.title,
      titleEn: seed.titleEn,
      details: seed.details,
      category: seed.category,
      priority: seed.priority,
      seq: i + 1,
      number: `${input.year}-Q${input.quarter}-${String(i + 1).padStart(2, '0')}`,
      // Live tasks are dated from today, so the action's default follows its lead task.
      defaultDueDate: tasks[0]?.plan.dueDate ?? dueDate,
      tasks,
    };
  });
}

function noticeText(input: QuarterlyInput, title: string): string {
  const when = `${chineseDate(input.date)}（${chineseWeekday(input.date)}）${input.start}`;
  const relay = input.relays ? `收听收看${input.relays.title}后，` : '';
  return [
    '各区市县人民政府，市政府各有关部门，市安委会各成员单位：',
    `市政府定于${when}${relay}召开${title}。主会场设在市人民政府视频会议室，各区市县设分会场。`,
    '请市安委会各成员单位主要负责同志到主会场参加；各区市县政府主要负责同志及有关部门负责同志在分会场参加。',
    '请各分会场提前30分钟完成视频和电话线路调试，参会单位于会前15分钟签到。',
    '大连市安全生产委员会办公室',
    input.noticeDate ? chineseDate(input.noticeDate) : '',
  ].join('\n');
}

function minutesText(input: QuarterlyInput, title: string, actions: ActionSpec[]): string {
  const relay = input.relays ? `会议首先收听收看了${input.relays.title}，随后` : '会议';
  const lines = [`${chineseDate(input.date)}，市政府召开${title}。${relay}对本季度安全生产工作进行部署。`];
  input.speakers.forEach((s, i) => {
    const p = PEOPLE[s.person];
    lines.push(`${'一二三四五六'[i] ?? i + 1}、${p.position}${p.name}${s.topic}。${s.summary ?? ''}`);
  });
  lines.push('会议交办事项：');
  for (const a of actions) {
    const seed = input.actions[a.seq - 1];
    if (!seed) continue;
    const lead = listName(seed.lead);
    const support = seed.support.map(listName).join('、');
    lines.push(`${a.number} ${a.title}（牵头：${lead}${support ? `；配合：${support}` : ''}；时限：${chineseDate(a.defaultDueDate)}）`);
  }
  lines.push('大连市安全生产委员会办公室');
  return lines.join('\n');
}

/** Bureaus by short name (市应急局), districts by name (中山区), as minutes list them. */
function listName(code: string): string {
  const d = departmentByCode(code);
  return d.kind === 'district' ? d.name : d.shortName;
}

function minDate(a: Date, b: Date): Date {
  return a < b ? a : b;
}
