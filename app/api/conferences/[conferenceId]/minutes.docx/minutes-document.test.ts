import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { agendaItems, conferenceInvitations, conferences, people, requestedActions, speakers, tasks, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { listConferenceActions } from '@/lib/data/actions';
import { getConferenceDetail } from '@/lib/data/conference-detail';
import { officialDocx } from '@/lib/export/docx/official-document';
import { useTestDb } from '@/test/db';
import { documentXml, docxParagraphs } from '@/test/docx';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { minutesDocument } from './minutes-document';

const t = useTestDb();
let secretary: Actor;
let departmentHead: Actor;
let conferenceId: number;

beforeAll(async () => {
  secretary = await makeActor(t.db, 'secretary');
  const emergency = await makeDepartment(t.db, { name: '大连市应急管理局', nameEn: 'Emergency Management Bureau', sortOrder: 1 });
  const zhongshan = await makeDepartment(t.db, { name: '中山区', nameEn: 'Zhongshan District', kind: 'district', sortOrder: 2 });
  departmentHead = await makeActor(t.db, 'department_head', emergency.id);
  const [chair] = await t.db.insert(people).values({ name: '骆东升', nameEn: 'Luo Dongsheng', position: '市政府秘书长', positionEn: 'Secretary-General' }).returning();
  const [mayor] = await t.db.insert(people).values({ name: '肖盛峰', nameEn: 'Xiao Shengfeng', position: '市长', positionEn: 'Mayor' }).returning();
  const [conference] = await t.db
    .insert(conferences)
    .values({
      title: '第一季度安委会会议', titleEn: 'First-quarter safety committee conference', year: 2018, quarter: 1,
      startsAt: new Date('2018-03-15T10:30:00+08:00'), endsAt: new Date('2018-03-15T11:40:00+08:00'),
      convenedBy: '大连市人民政府', convenedByEn: "Dalian Municipal People's Government", chairPersonId: chair!.id,
      status: 'minutes_published', minutesPublishedAt: new Date('2018-03-20T09:00:00+08:00'),
      minutesText: '# 会议议定事项\n\n会议**强调**，要*坚持*安全发展。\n\n1. 落实责任\n2. 排查隐患',
    })
    .returning();
  conferenceId = conference!.id;
  const [main] = await t.db.insert(venues).values({ conferenceId, name: '市政府第一会议室', nameEn: 'City Hall Room 1', kind: 'main' }).returning();
  await t.db.insert(conferenceInvitations).values([
    { conferenceId, departmentId: emergency.id, attendance: 'present', attendeeNames: '张三', venueId: main!.id },
    { conferenceId, departmentId: zhongshan.id, attendance: 'absent' },
  ]);
  const [, mayorSpeaker] = await t.db
    .insert(speakers)
    .values([
      { conferenceId, personId: chair!.id, role: 'chair', position: 1, topic: '主持会议', topicEn: 'Chairs' },
      { conferenceId, personId: mayor!.id, role: 'instructions', position: 2, topic: '讲话', topicEn: 'Speech', summary: '要求各地区各部门狠抓落实。' },
    ])
    .returning();
  await t.db.insert(agendaItems).values({ conferenceId, position: 1, title: '市长讲话', titleEn: 'Mayor speaks', plannedMinutes: 30 });
  const [action] = await t.db
    .insert(requestedActions)
    .values({ conferenceId, speakerId: mayorSpeaker!.id, requestedByPersonId: mayor!.id, seq: 1, number: '2018-Q1-01', title: '开展危险化学品专项整治', titleEn: 'Hazardous chemicals campaign', details: '全面排查。' })
    .returning();
  await t.db.insert(tasks).values([
    { actionId: action!.id, conferenceId, departmentId: emergency.id, role: 'lead', dueDate: '2018-06-30', originalDueDate: '2018-06-30' },
    { actionId: action!.id, conferenceId, departmentId: zhongshan.id, role: 'support', dueDate: '2018-05-31', originalDueDate: '2018-05-31' },
  ]);
});

async function paragraphs(locale: 'zh-CN' | 'en', reader = secretary) {
  const detail = (await getConferenceDetail(reader, conferenceId))!;
  const actions = (await listConferenceActions(reader, conferenceId))!;
  const bytes = await officialDocx(minutesDocument({ detail, actions, locale }));
  return docxParagraphs(documentXml(bytes)).filter(Boolean);
}

describe('minutes as Word', () => {
  it('holds the title, issuer, facts, attendance, speakers, agenda, the Markdown text and the requested actions', async () => {
    expect(await paragraphs('zh-CN')).toEqual([
      '第一季度安委会会议会议纪要',
      '大连市人民政府\t2018年3月20日',
      '会议时间：\t2018年3月15日 10:30—11:40',
      '会议形式：\t视频电话会议',
      '主会场：\t市政府第一会议室',
      '主持人：\t市政府秘书长 骆东升',
      '一、参会情况',
      '应到 2 个单位，实到 1 个。',
      '单位', '出席情况', '参会人员', '会场',
      '大连市应急管理局', '出席', '张三', '市政府第一会议室',
      '中山区', '缺席',
      '二、会议发言',
      '1.\t主持：市政府秘书长 骆东升，主持会议',
      '2.\t讲话部署：市长 肖盛峰，讲话\n要求各地区各部门狠抓落实。',
      '三、会议议程',
      '1.\t10:30—11:00  市长讲话',
      '四、纪要正文',
      '会议议定事项',
      '会议强调，要坚持安全发展。',
      '1.\t落实责任',
      '2.\t排查隐患',
      '五、部署要求',
      '2018-Q1-01 开展危险化学品专项整治',
      '全面排查。',
      '提出人：\t市长 肖盛峰',
      '牵头单位：\t大连市应急管理局（2018年6月30日前）',
      '配合单位：\t中山区（2018年5月31日前）',
    ]);
  });

  it('is written in English for an English reader, names kept where there is no translation', async () => {
    const text = await paragraphs('en');
    expect(text.slice(0, 2)).toEqual(['Minutes of First-quarter safety committee conference', "Dalian Municipal People's Government\t20 Mar 2018"]);
    expect(text).toContain('4. Minutes');
    expect(text).toContain('会议强调，要坚持安全发展。');
    expect(text).toContain('Lead:\tEmergency Management Bureau (by 30 Jun 2018)');
  });
});

describe('unpublished minutes as Word', () => {
  it('marks them as a draft and gives their text only to readers of drafts (lib/data decides)', async () => {
    await t.db.update(conferences).set({ status: 'held', minutesPublishedAt: null }).where(eq(conferences.id, conferenceId));
    const forDepartment = await paragraphs('zh-CN', departmentHead);
    expect(forDepartment[1]).toBe('草稿，未发布');
    expect(forDepartment).toContain('会议纪要尚未发布。');
    expect(forDepartment).not.toContain('会议强调，要坚持安全发展。');
    const forOffice = await paragraphs('zh-CN', secretary);
    expect(forOffice).toContain('会议强调，要坚持安全发展。');
    expect(forOffice).not.toContain('会议纪要尚未发布。');
  });
});
