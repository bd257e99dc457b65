import { addDays, at, chineseDate, daysBetween } from './dates';
import type { CategoryCode } from './departments';
import type { Step, TaskPlan } from './replay';

/** What a department inspects for each category, and the counting word (家, 艘…). */
const SUBJECTS: Record<CategoryCode, [string, string]> = {
  hazardous_chemicals: ['危险化学品企业', '家'],
  fire: ['人员密集场所', '处'],
  road_traffic: ['重点道路运输企业', '家'],
  construction: ['在建工地', '个'],
  mines: ['非煤矿山和尾矿库', '座'],
  special_equipment: ['特种设备使用单位', '家'],
  gas: ['燃气经营和使用单位', '家'],
  campus: ['中小学校和幼儿园', '所'],
  tourism: ['旅游景区和海水浴场', '处'],
  ports: ['港口危险货物作业企业', '家'],
  fishing_vessels: ['渔船', '艘'],
  other: ['重点企业', '家'],
};

export const TEXT = {
  acknowledge: '已签收。已明确分管领导和责任科室，制定工作方案。',
  submit: '各项工作已按要求完成，现报送办理情况报告、隐患整改台账和现场照片，请审核。',
  verify: '经审核，办理结果符合要求，同意办结。',
  return: '佐证材料不完整：缺少隐患整改前后对比照片和复查记录，请补充后重新提交。',
  afterReturn: '已按要求补充整改前后对比照片和复查记录。',
  reminder: '请抓紧办理，按时限报送进展情况。',
  lateAck: '该任务尚未签收，请立即签收并落实责任人。',
  overdue: '该任务已超过办理时限，请说明原因并于两个工作日内报送进展。',
  instruction: '请主要负责同志亲自过问，逐项盯办，确保本周内整改到位。',
  extensionRejected: '该事项时限不能后延，请加派力量按期完成。',
  cancel: '经核实，该项工作已并入牵头单位统一办理，本任务撤销。',
} as const;

export function assignText(role: 'lead' | 'support', dueDate: string): string {
  const part = role === 'lead' ? '牵头' : '配合牵头单位';
  return `请按照会议部署，${part}抓好落实，于${chineseDate(dueDate)}前报送办理结果。`;
}

/** A progress report with plausible counts that differ from task to task. */
export function progressText(category: CategoryCode, index: number, share: number): string {
  const [subject, unit] = SUBJECTS[category];
  const checked = 12 + ((index * 37) % 60);
  const found = 3 + ((index * 11) % 17);
  const fixed = Math.min(found, Math.round(found * share));
  return fixed >= found
    ? `已检查${subject}${checked}${unit}，发现隐患${found}处，已全部整改完毕，正在开展复查。`
    : `已检查${subject}${checked}${unit}，发现隐患${found}处，已整改${fixed}处，其余正在整改。`;
}

export function extensionRequestText(date: string): string {
  return `涉及多家单位协调，整改工程量较大，申请延期至${chineseDate(date)}。`;
}

export function extensionApprovedText(date: string): string {
  return `同意延期至${chineseDate(date)}，请按新时限完成。`;
}

export interface HistoricalInput {
  assignDate: string;
  dueDate: string;
  /** The task's position among its conference's tasks: varies times and wording. */
  index: number;
  role: 'lead' | 'support';
  category: CategoryCode;
  cancelled?: boolean;
}

/**
 * A task of a conference long past: acknowledged, reported on, submitted and verified,
 * with the occasional late acknowledgement, return or approved extension.
 */
export function historicalPlan(input: HistoricalInput): TaskPlan {
  const { assignDate: a, dueDate: due, index: i, category } = input;
  const span = daysBetween(a, due);
  if (span < 30) throw new Error('seed: a historical task needs 30 days between assignment and due date');
  const day = (offset: number, time: string) => at(addDays(a, offset), time);
  const steps: Step[] = [];
  if (i % 7 === 5) {
    steps.push({ kind: 'reminder', at: day(4, '09:10'), body: TEXT.lateAck });
    steps.push({ kind: 'acknowledge', at: day(4, '14:20'), body: TEXT.acknowledge });
  } else {
    const ackDay = [0, 1, 1, 2][i % 4] ?? 1;
    steps.push({ kind: 'acknowledge', at: day(ackDay, ackDay === 0 ? '15:10' : `1${i % 6}:2${i % 10}`), body: TEXT.acknowledge });
  }
  if (input.cancelled) {
    steps.push({ kind: 'cancel', at: day(6, '10:00'), body: TEXT.cancel });
    return plan(input, steps);
  }
  const first = 30 + ((i * 7) % 30);
  steps.push({ kind: 'progress', at: day(Math.round(span * 0.35), '16:00'), progress: first, body: progressText(category, i, 0.4) });
  steps.push({ kind: 'progress', at: day(Math.round(span * 0.7), '16:30'), progress: 80, body: progressText(category, i, 0.8) });
  const before = (days: number, time: string) => at(addDays(due, -days), time);
  const after = (days: number, time: string) => at(addDays(due, days), time);
  if (i % 8 === 3) {
    steps.push({ kind: 'submit', at: before(8, '17:00'), body: TEXT.submit });
    steps.push({ kind: 'return', at: before(6, '11:00'), body: TEXT.return });
    steps.push({ kind: 'progress', at: before(4, '15:00'), progress: 95, body: TEXT.afterReturn });
    steps.push({ kind: 'submit', at: before(2, '17:00'), body: TEXT.submit });
    steps.push({ kind: 'verify', at: after(1, '10:00'), body: TEXT.verify });
  } else if (i % 8 === 6) {
    const extended = addDays(due, 14);
    steps.push({ kind: 'extension_request', at: before(6, '09:30'), requestedDueDate: extended, body: extensionRequestText(extended) });
    steps.push({ kind: 'extension_approved', at: before(5, '15:00'), newDueDate: extended, body: extensionApprovedText(extended) });
    steps.push({ kind: 'progress', at: after(3, '16:00'), progress: 90, body: progressText(category, i, 1) });
    steps.push({ kind: 'submit', at: after(10, '17:00'), body: TEXT.submit });
    steps.push({ kind: 'verify', at: after(12, '10:00'), body: TEXT.verify });
  } else {
    steps.push({ kind: 'submit', at: before(2 + (i % 4), '17:00'), body: TEXT.submit });
    steps.push({ kind: 'verify', at: before(i % 2, '10:30'), body: TEXT.verify });
  }
  return plan(input, steps);
}

function plan(input: HistoricalInput, steps: Step[]): TaskPlan {
  return {
    assignedAt: at(input.assignDate, '09:30'),
    dueDate: input.dueDate,
    acknowledgeBy: addDays(input.assignDate, 3),
    assignBody: assignText(input.role, input.dueDate),
    steps,
  };
}
