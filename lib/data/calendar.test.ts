import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, calendarFeeds, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { unfoldIcs } from '@/lib/domain/ics';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { calendarFeedFor, conferenceIcs, createCalendarFeed, getActiveCalendarFeed, revokeCalendarFeed } from './calendar';
import { addVenue, inviteDepartments } from './conference-parts';
import { changeConferenceStatus, createConference } from './conferences';
import { addAgendaItem, addSpeaker } from './speakers';

const t = useTestDb();
let secretary: Actor;
let leader: Actor;
let head: Actor;
let deptA: number;
let deptB: number;

async function conference(title: string, invite: number[], status: 'draft' | 'scheduled' | 'cancelled' = 'scheduled', titleEn?: string) {
  const { conference } = await createConference(secretary, {
    title,
    titleEn,
    kind: 'special',
    year: 2019,
    startsAt: new Date('2019-05-10T09:00:00+08:00'),
    endsAt: new Date('2019-05-10T11:00:00+08:00'),
    format: 'video_telephone',
  });
  if (invite.length) await inviteDepartments(secretary, { conferenceId: conference.id, departmentIds: invite });
  if (status !== 'draft') await changeConferenceStatus(secretary, { id: conference.id, version: 1, to: 'scheduled' });
  if (status === 'cancelled') await changeConferenceStatus(secretary, { id: conference.id, version: 2, to: 'cancelled', reason: '因台风改期' });
  return conference;
}

/** The events of an ICS text, each as property name → value. */
function events(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of unfoldIcs(text)) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon).split(';')[0]!, line.slice(colon + 1));
    }
  }
  return out;
}
const summaries = (text: string | null) => events(text ?? '').map((e) => e.get('SUMMARY'));

beforeAll(async () => {
  deptA = (await makeDepartment(t.db)).id;
  deptB = (await makeDepartment(t.db)).id;
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', deptA);
});

describe('conferenceIcs', () => {
  it('exports one conference with its main venue, format and agenda', async () => {
    const c = await conference('2019年第一季度安全生产委员会全体会议', [deptA], 'draft');
    await addVenue(secretary, { conferenceId: c.id, name: '市政府第一会议室', address: '人民广场1号', kind: 'main' });
    await addVenue(secretary, { conferenceId: c.id, name: '中山区分会场', kind: 'sub' });
    const chair = await addSpeaker(secretary, { conferenceId: c.id, role: 'chair', newPerson: { name: '骆东升' } });
    await addAgendaItem(secretary, { conferenceId: c.id, title: '主持开会', kind: 'opening', presenterSpeakerId: chair.id, plannedMinutes: 5 });
    await addAgendaItem(secretary, { conferenceId: c.id, title: '安全生产工作报告', kind: 'report', plannedMinutes: 30 });

    const text = await conferenceIcs(head, c.id, 'zh-CN');
    const [event] = events(text!);
    expect(event!.get('UID')).toBe(`conference-${c.id}@docket`);
    expect(event!.get('SUMMARY')).toBe('2019年第一季度安全生产委员会全体会议');
    expect(event!.get('DTSTART')).toBe('20190510T010000Z');
    expect(event!.get('DTEND')).toBe('20190510T030000Z');
    expect(event!.get('LOCATION')).toBe('市政府第一会议室（人民广场1号）');
    expect(event!.get('STATUS')).toBe('TENTATIVE');
    expect(event!.get('SEQUENCE')).toBe('1');
    // With APP_URL set, a link to the conference page follows.
    expect(event!.get('DESCRIPTION')!.split('\\n\\n详情')[0]).toBe('会议形式：视频电话会议\\n\\n议程：\\n09:00 主持开会（骆东升）\\n09:05 安全生产工作报告');
  });

  it('writes English when asked and marks a cancellation with its reason and a higher sequence', async () => {
    const c = await conference('台风防御专题会', [], 'cancelled', 'Typhoon preparedness meeting');
    const [event] = events((await conferenceIcs(leader, c.id, 'en'))!);
    expect(event!.get('SUMMARY')).toBe('Typhoon preparedness meeting');
    expect(event!.get('STATUS')).toBe('CANCELLED');
    expect(event!.get('SEQUENCE')).toBe('3');
    expect(event!.get('DESCRIPTION')!.split('\\n\\nDetails')[0]).toBe('Format: Video and telephone conference\\nThis conference has been cancelled: 因台风改期');
  });

  it('gives nothing for a conference the actor may not see, or one that does not exist', async () => {
    const c = await conference('没有邀请甲单位的会', [deptB]);
    expect(await conferenceIcs(head, c.id, 'zh-CN')).toBeNull();
    expect(await conferenceIcs(secretary, 987_654, 'zh-CN')).toBeNull();
    expect(await conferenceIcs(secretary, 99_999_999_999, 'zh-CN')).toBeNull();
  });
});

describe('calendar subscription feed', () => {
  it('shows the visible non-draft conferences until the address is replaced or revoked', async () => {
    await conference('甲单位受邀·已发通知', [deptA]);
    await conference('甲单位受邀·已取消', [deptA], 'cancelled');
    await conference('甲单位受邀·草稿', [deptA], 'draft');
    await conference('乙单位的会', [deptB]);

    expect(await getActiveCalendarFeed(head)).toBeNull();
    const first = await createCalendarFeed(head);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await getActiveCalendarFeed(head)).toEqual({ createdAt: first.createdAt });
    const [stored] = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, head.id));
    expect(stored!.tokenHash).not.toContain(first.token);
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const feed = await calendarFeedFor(first.token);
    expect(summaries(feed)).toEqual(expect.arrayContaining(['甲单位受邀·已发通知', '甲单位受邀·已取消']));
    expect(summaries(feed)).not.toContain('甲单位受邀·草稿');
    expect(summaries(feed)).not.toContain('乙单位的会');
    expect(unfoldIcs(feed!)).toContain('X-WR-CALNAME:安委会会议');

    const second = await createCalendarFeed(head);
    expect(await calendarFeedFor(first.token)).toBeNull();
    expect(summaries(await calendarFeedFor(second.token))).toContain('甲单位受邀·已发通知');

    expect(await revokeCalendarFeed(head)).toBe(true);
    expect(await calendarFeedFor(second.token)).toBeNull();
    expect(await getActiveCalendarFeed(head)).toBeNull();
    expect(await revokeCalendarFeed(head)).toBe(false);

    const audit = await t.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, 'calendar_feed'), eq(auditLog.actorId, head.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['calendar_feed.create', 'calendar_feed.create', 'calendar_feed.revoke']);
  });

  it("shows an office user every non-draft conference, in the user's language", async () => {
    await conference('秘书处可见的会', [deptB], 'scheduled', 'Visible to the office');
    const english = await makeActor(t.db, 'secretary', null, { locale: 'en' });
    const { token } = await createCalendarFeed(english);
    const feed = await calendarFeedFor(token);
    expect(summaries(feed)).toContain('Visible to the office');
    expect(summaries(feed)).toContain('乙单位的会');
    expect(summaries(feed)).not.toContain('甲单位受邀·草稿');
    expect(unfoldIcs(feed!)).toContain('X-WR-CALNAME:Safety Committee conferences');
  });

  it('stops serving a deactivated user and ignores malformed tokens', async () => {
    const leaving = await makeActor(t.db, 'leader');
    const { token } = await createCalendarFeed(leaving);
    expect(await calendarFeedFor(token)).not.toBeNull();
    await t.db.update(users).set({ active: false }).where(eq(users.id, leaving.id));
    expect(await calendarFeedFor(token)).toBeNull();
    expect(await calendarFeedFor('')).toBeNull();
    expect(await calendarFeedFor('x'.repeat(43))).toBeNull();
    expect(await calendarFeedFor(`${token}/../x`)).toBeNull();
  });
});
