import type { Conference } from '../schema';
import { buildQuarterly, type Relay } from './build-conference';
import { addDays, at, daysBetween, nextWeekday, shanghaiDate, thirdFriday } from './dates';
import { MIN_LIVE_DAYS } from './live-tasks';
import { quarterActions } from './quarter-actions';
import type { AgendaSpec, ConferenceSpec, SpeakerSpec } from './spec';

// The present-day year, relative to the day the seed runs. Like the 2018 one, each
// quarter's conference falls on the third Friday of the quarter's last month.
//
// Conferences that have met publish minutes; the latest one with at least three weeks of
// history carries the live tasks (every status, due soon, overdue…). One that met more
// recently is `held`: actions recorded, not yet assigned. The next one is `scheduled`,
// later ones `draft`. Before mid-April no conference of this year is old enough, so the
// previous year's last conferences are seeded too and carry the live tasks.

type Quarter = 1 | 2 | 3 | 4;
interface Slot {
  year: number;
  quarter: Quarter;
  date: string;
}

const RELAYS: Record<Quarter, Omit<Relay, 'date'> | null> = {
  1: { title: '全省安全生产电视电话会议', titleEn: 'Provincial video and telephone conference on safety production', level: 'provincial' },
  2: { title: '全国安全生产电视电话会议', titleEn: 'National video and telephone conference on safety production', level: 'national' },
  3: null,
  4: {
    title: '全省冬季安全生产工作电视电话会议',
    titleEn: 'Provincial video and telephone conference on winter safety production',
    level: 'provincial',
  },
};
const EXCUSED: Record<Quarter, string> = { 1: 'changhai', 2: 'natural-resources', 3: 'health', 4: 'pulandian' };
const QUARTER_ZH = ['一', '二', '三', '四'] as const;

export function currentYearConferences(today: Date): ConferenceSpec[] {
  const t = shanghaiDate(today);
  const year = Number(t.slice(0, 4));
  const slots: Slot[] = [
    slot(year - 1, 3),
    slot(year - 1, 4),
    ...([1, 2, 3, 4] as const).map((q) => slot(year, q)),
  ];
  const anchor = slots.findLastIndex((s) => daysBetween(nextWeekday(s.date), t) >= MIN_LIVE_DAYS);
  if (anchor < 0) throw new Error('seed: no conference old enough for live tasks');
  let upcoming = 0;
  return slots
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => s.year === year || i >= anchor)
    .map(({ s, i }) => {
      const relay = RELAYS[s.quarter];
      const start = relay ? '10:30' : '09:00';
      const met = at(s.date, start) <= today;
      const status: Conference['status'] = !met
        ? upcoming++ === 0
          ? 'scheduled'
          : 'draft'
        : i <= anchor
          ? 'minutes_published'
          : 'held';
      const noticeDate = addDays(s.date, -5);
      return buildQuarterly({
        year: s.year,
        quarter: s.quarter,
        date: s.date,
        start,
        end: relay ? '12:00' : '10:30',
        status,
        relays: relay && { ...relay, date: s.date },
        speakers: speakers(s.quarter),
        agenda: agenda(relay),
        actions: quarterActions(s.quarter),
        tasks: status !== 'minutes_published' ? 'none' : i === anchor ? 'live' : 'historical',
        today,
        noticeDate: status === 'draft' || noticeDate >= t ? null : noticeDate,
        minutesDate: status === 'minutes_published' ? addDays(s.date, 4) : null,
        excused: [EXCUSED[s.quarter]],
        cancelled: [],
      });
    });
}

function slot(year: number, quarter: Quarter): Slot {
  return { year, quarter, date: thirdFriday(year, quarter * 3) };
}

function speakers(quarter: Quarter): SpeakerSpec[] {
  return [
    { person: 'secretaryGeneral', role: 'chair', topic: '主持会议', topicEn: 'Chairs the conference', summary: null },
    {
      person: 'emergencyDirector',
      role: 'remarks',
      topic: '通报全市安全生产形势和上季度督办事项完成情况',
      topicEn: "Safety situation and follow-up of last quarter's tasks",
      summary: '通报上季度交办事项办理情况，对逾期未办结事项进行点评。',
    },
    {
      person: 'deputyMayor',
      role: 'report',
      topic: `部署第${QUARTER_ZH[quarter - 1]}季度安全生产重点工作`,
      topicEn: 'Safety priorities for the quarter',
      summary: null,
    },
    {
      person: 'mayor',
      role: 'instructions',
      topic: '讲话，对本季度安全生产工作提出要求',
      topicEn: 'Speech: requests for the quarter',
      summary:
        '要求各地区、各部门、各单位坚持人民至上、生命至上，层层压实安全生产责任，深入排查整治重大事故隐患，确保全市安全生产形势持续稳定。',
    },
  ];
}

/** Planned minutes add up to the conference's length (90 minutes with a relay, 80 of 90 without). */
function agenda(relay: Omit<Relay, 'date'> | null): AgendaSpec[] {
  return [
    { title: '主持人宣布会议开始', titleEn: 'Opening by the chair', kind: 'opening', presenter: 0, minutes: 3 },
    ...(relay
      ? [{ title: `传达${relay.title}精神`, titleEn: `Relay of the ${relay.titleEn.toLowerCase()}`, kind: 'relay' as const, presenter: 0, minutes: 10 }]
      : []),
    { title: '通报安全生产形势和督办事项完成情况', titleEn: 'Safety situation and task follow-up', kind: 'report', presenter: 1, minutes: 12 },
    { title: '部署本季度安全生产重点工作', titleEn: 'Safety priorities for the quarter', kind: 'report', presenter: 2, minutes: 20 },
    { title: '区市县和重点部门交流发言', titleEn: 'Districts and key departments report', kind: 'deliberation', presenter: null, minutes: 15 },
    { title: '市长讲话', titleEn: 'Speech by the mayor', kind: 'speech', presenter: 3, minutes: 25 },
    { title: '主持人总结，会议结束', titleEn: 'Closing by the chair', kind: 'closing', presenter: 0, minutes: 5 },
  ];
}
