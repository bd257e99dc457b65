import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ACTION_CATEGORIES } from '../../db/seed/departments';

export interface DataSetSize {
  tasks: number;
  departments: number;
  conferences: number;
  actions: number;
  followUps: number;
}

/**
 * The issue's data set scaled to `tasks`: at a million tasks, 300 departments, 2 000 conferences,
 * 50 000 actions (20 tasks each on average) and 3 000 000 follow-ups.
 */
export function sizeFor(tasks: number): DataSetSize {
  const actions = Math.max(10, Math.round(tasks / 20));
  return { tasks, departments: 300, conferences: Math.max(4, Math.round(tasks / 500)), actions, followUps: tasks * 3 };
}

const list = (words: readonly string[]) => `ARRAY[${words.map((w) => `'${w}'`).join(', ')}]`;
/** A random word, the first ones much more often than the last (power 2). */
const pick = (words: readonly string[]) => `(${list(words)})[1 + floor(power(random(), 2) * ${words.length})::int]`;

const hazards = ['危险化学品', '消防安全', '道路交通', '建筑施工', '城镇燃气', '特种设备', '人员密集场所', '高层建筑', '电动自行车', '有限空间', '校园安全', '旅游景区', '重大危险源', '粉尘涉爆', '老旧小区', '地下管网', '渔业船舶', '森林防火', '防汛防台', '尾矿库'];
const measures = ['隐患排查', '专项整治', '督导检查', '执法检查', '应急演练', '宣传培训', '风险评估', '挂牌督办', '整改复查', '安全生产大检查'];
const campaigns = ['工作方案', '三年行动', '百日攻坚', '冬春火灾防控', '汛期安全', '节假日安全', '重点时段'];
const places = ['中山区', '西岗区', '沙河口区', '甘井子区', '旅顺口区', '金州区', '普兰店区', '瓦房店市', '庄河市', '长海县', '高新区', '保税区', '长兴岛'];
const focus = ['重点检查企业主体责任落实情况', '建立问题清单和整改台账', '完善应急预案并组织演练', '落实网格化监管', '压实属地管理责任', '开展全覆盖拉网式排查', '严格执法处罚', '加强值班值守', '强化源头管控', '组织专家会诊', '推进标准化建设', '督促企业落实全员安全生产责任制', 'LNG 加气站和 LPG 钢瓶充装站全面检查', 'CCTV 视频监控全覆盖', '按照 GB 50016 核查防火间距', '配置 AED 并培训人员', '开展 HAZOP 分析', '推进 SIS 安全仪表系统改造'];

/**
 * The whole data set in set-based SQL (generate_series, random()), so a million tasks take a
 * minute or two. Dates are relative to `today`, so statuses look like a live system: old tasks
 * mostly completed, a few forgotten and overdue, recent ones in progress.
 */
export function generationSteps(size: DataSetSize, today: string): Array<{ label: string; sql: string }> {
  const span = 12 * 365; // days of history
  const categories = ACTION_CATEGORIES.map((c, i) => `('${c.code}', '${c.name}', '${c.nameEn}', ${i + 1})`).join(', ');
  return [
    { label: 'seed', sql: `SELECT setseed(0.42)` },
    {
      label: 'categories',
      sql: `INSERT INTO action_categories (code, name, name_en, sort_order) VALUES ${categories} ON CONFLICT DO NOTHING`,
    },
    {
      label: `${size.departments} departments`,
      sql: `INSERT INTO departments (code, name, name_en, short_name, kind, sort_order)
        SELECT 'bench-' || g,
          CASE WHEN g <= 13 THEN (${list(places)})[g] ELSE '大连市' || (${list(['应急管理局', '消防救援支队', '交通运输局', '住房和城乡建设局', '市场监督管理局', '教育局', '卫生健康委员会', '生态环境局', '工业和信息化局', '商务局', '水务局', '城市管理局'])})[1 + g % 12] || '第' || g || '处' END,
          'Department ' || g, '部门' || g,
          (CASE WHEN g <= 13 THEN 'district' WHEN g % 9 = 0 THEN 'office' ELSE 'department' END)::department_kind,
          g * 10
        FROM generate_series(1, ${size.departments}) g`,
    },
    {
      label: `${size.conferences} conferences`,
      sql: `INSERT INTO conferences (title, kind, year, quarter, starts_at, ends_at, status)
        SELECT CASE WHEN n = 1 THEN y || '年第' || q || '季度安全生产委员会全体会议' ELSE y || '年第' || q || '季度安全生产专题会议' END,
          (CASE WHEN n = 1 THEN 'quarterly' ELSE 'special' END)::conference_kind, y, q, at, at + interval '2 hours', 'minutes_published'
        FROM (
          SELECT at, extract(year FROM at AT TIME ZONE 'Asia/Shanghai')::int y, extract(quarter FROM at AT TIME ZONE 'Asia/Shanghai')::int q,
            row_number() OVER (PARTITION BY date_trunc('quarter', at AT TIME ZONE 'Asia/Shanghai') ORDER BY at) n
          FROM (SELECT ('${today}'::date - 7 - ((${size.conferences} - g) * ${span}.0 / ${size.conferences})::int + time '09:00') AT TIME ZONE 'Asia/Shanghai' at
                FROM generate_series(1, ${size.conferences}) g) c
        ) c ORDER BY at`,
    },
    {
      label: `${size.actions} requested actions`,
      sql: `INSERT INTO requested_actions (conference_id, seq, number, title, title_en, details, category_code, priority, default_due_date, created_at, updated_at)
        SELECT c.id, a.seq,
          c.year || '-' || CASE WHEN c.kind = 'quarterly' THEN 'Q' || c.quarter ELSE 'S' || c.id END || '-' || CASE WHEN a.seq < 10 THEN '0' ELSE '' END || a.seq,
          a.hazard || a.measure || a.campaign,
          CASE WHEN random() < 0.3 THEN 'Action ' || a.g END,
          '要求' || ${pick(places)} || '对' || a.hazard || '开展' || a.measure || '，' || ${pick(focus)} || '，' || ${pick(focus)} || '，按期报送进展。',
          (SELECT array_agg(code ORDER BY sort_order) FROM action_categories)[1 + floor(power(random(), 1.5) * ${ACTION_CATEGORIES.length})::int],
          (CASE WHEN random() < 0.1 THEN 'low' WHEN random() < 0.7 THEN 'normal' WHEN random() < 0.85 THEN 'high' ELSE 'urgent' END)::priority,
          (c.starts_at AT TIME ZONE 'Asia/Shanghai')::date + 30 + 15 * floor(random() * 11)::int,
          c.starts_at, c.starts_at
        FROM (
          SELECT g, 1 + ((g - 1) * ${size.conferences}::bigint / ${size.actions})::int conf_no,
            row_number() OVER (PARTITION BY ((g - 1) * ${size.conferences}::bigint / ${size.actions}) ORDER BY g)::int seq,
            ${pick(hazards)} hazard, ${pick(measures)} measure, CASE WHEN random() < 0.4 THEN ${pick(campaigns)} ELSE '' END campaign
          FROM generate_series(1, ${size.actions}) g
        ) a
        JOIN (SELECT *, row_number() OVER (ORDER BY id)::int conf_no FROM conferences) c USING (conf_no)
        ORDER BY a.g`,
    },
    {
      // Per action: how many departments and the lead (a few departments lead most work). The share of
      // each size is exact (a rank, not a draw), so the plan holds just over the wanted number of tasks:
      // most actions go to one to three departments, 8 % to all 13 districts, 4.5 % to all departments.
      label: 'task plan',
      sql: `CREATE TEMP TABLE bench_plan AS
        SELECT a.id action_id, a.conference_id, a.default_due_date, c.starts_at,
          (CASE WHEN u < 0.30 THEN 1 WHEN u < 0.48 THEN 2 WHEN u < 0.60 THEN 3 WHEN u < 0.70 THEN 5 WHEN u < 0.79 THEN 8
            WHEN u < 0.87 THEN 13 WHEN u < 0.955 THEN 40 ELSE ${size.departments} END) k,
          floor(power(random(), 2.2) * ${size.departments})::int lead
        FROM (SELECT *, percent_rank() OVER (ORDER BY random()) u FROM requested_actions) a JOIN conferences c ON c.id = a.conference_id`,
    },
    {
      label: `${size.tasks} tasks`,
      sql: `INSERT INTO tasks (action_id, conference_id, department_id, role, due_date, original_due_date, acknowledge_by, status, progress,
          assigned_at, acknowledged_at, submitted_at, completed_at, cancelled_at, extension_count, created_at, updated_at)
        SELECT action_id, conference_id, department_id, role, due, original_due, assigned_at::date + 2, status, 
          CASE status WHEN 'completed' THEN 100 WHEN 'submitted' THEN 100 WHEN 'in_progress' THEN 10 + floor(random() * 85)::int
            WHEN 'acknowledged' THEN floor(random() * 10)::int WHEN 'cancelled' THEN floor(random() * 60)::int ELSE 0 END,
          assigned_at,
          CASE WHEN status <> 'assigned' THEN assigned_at + interval '1 day' END,
          CASE WHEN status IN ('submitted', 'completed') THEN least(now(), due - 3 + time '16:00') END,
          CASE WHEN status = 'completed' THEN least(now(), due + time '10:00') END,
          CASE WHEN status = 'cancelled' THEN assigned_at + interval '20 days' END,
          CASE WHEN due > original_due THEN 1 ELSE 0 END,
          assigned_at, assigned_at
        FROM (
          SELECT *, (CASE
              WHEN due < '${today}'::date - 90 THEN CASE WHEN r < 0.94 THEN 'completed' WHEN r < 0.98 THEN 'cancelled' WHEN r < 0.99 THEN 'in_progress' WHEN r < 0.995 THEN 'acknowledged' ELSE 'assigned' END
              WHEN due < '${today}'::date THEN CASE WHEN r < 0.55 THEN 'completed' WHEN r < 0.70 THEN 'submitted' WHEN r < 0.90 THEN 'in_progress' WHEN r < 0.95 THEN 'acknowledged' WHEN r < 0.98 THEN 'assigned' ELSE 'cancelled' END
              ELSE CASE WHEN r < 0.05 THEN 'completed' WHEN r < 0.15 THEN 'submitted' WHEN r < 0.65 THEN 'in_progress' WHEN r < 0.85 THEN 'acknowledged' WHEN r < 0.98 THEN 'assigned' ELSE 'cancelled' END
            END)::task_status status
          FROM (
            SELECT p.action_id, p.conference_id, d.ids[1 + (p.lead + j * 7) % ${size.departments}] department_id,
              (CASE WHEN j = 0 THEN 'lead' ELSE 'support' END)::task_role role,
              p.default_due_date + CASE WHEN x < 0.08 THEN 30 ELSE 0 END + CASE WHEN j > 0 AND x > 0.9 THEN -15 ELSE 0 END due,
              p.default_due_date + CASE WHEN j > 0 AND x > 0.9 THEN -15 ELSE 0 END original_due,
              p.starts_at + interval '1 day' + random() * interval '10 hours' assigned_at,
              random() r
            FROM bench_plan p
            CROSS JOIN (SELECT array_agg(id ORDER BY id) ids FROM departments WHERE code LIKE 'bench-%') d
            CROSS JOIN LATERAL (SELECT j, random() x FROM generate_series(0, p.k - 1) j) s
            -- The surplus comes off the widest fan-outs (their last supporting departments).
            ORDER BY j, p.action_id
            LIMIT ${size.tasks}
          ) t
        ) t
        ORDER BY action_id, role, department_id`,
    },
    { label: 'drop plan', sql: `DROP TABLE bench_plan` },
    ...followUpSteps(size.followUps),
    ...oversightSteps(),
  ];
}

/**
 * What the ranking reads besides the tasks' state: attendance (every department at a quarterly
 * conference, about 40 at a special one), work returned for rework (6 % of submitted work) and
 * extension requests (every approved one, and 3 % more that were refused or are pending).
 */
function oversightSteps(): Array<{ label: string; sql: string }> {
  return [
    {
      label: 'invitations and attendance',
      sql: `INSERT INTO conference_invitations (conference_id, department_id, attendance, signed_in_at, created_at, updated_at)
        SELECT c.id, d.id, (CASE WHEN d.r < 0.86 THEN 'present' WHEN d.r < 0.95 THEN 'absent' ELSE 'excused' END)::attendance,
          c.starts_at, c.starts_at - interval '10 days', c.starts_at
        FROM conferences c
        CROSS JOIN LATERAL (SELECT id, random() r FROM departments WHERE code LIKE 'bench-%' AND (c.kind = 'quarterly' OR random() < 0.13)) d`,
    },
    {
      label: 'returns',
      sql: `UPDATE tasks SET return_count = 1 WHERE status IN ('submitted', 'completed') AND random() < 0.06`,
    },
    {
      label: 'return follow-ups',
      sql: `INSERT INTO follow_ups (task_id, kind, body, from_status, to_status, created_at)
        SELECT id, 'return', '佐证材料不全，请补充后重新报送。', 'submitted', 'in_progress', least(now(), submitted_at - interval '5 days')
        FROM tasks WHERE return_count > 0`,
    },
    {
      label: 'extension requests',
      sql: `UPDATE tasks SET extension_request_count = 1 WHERE extension_count > 0 OR (status <> 'cancelled' AND random() < 0.03)`,
    },
    {
      label: 'extension request follow-ups',
      sql: `INSERT INTO follow_ups (task_id, kind, requested_due_date, created_at)
        SELECT id, 'extension_request', due_date + 15, least(now(), assigned_at + interval '10 days')
        FROM tasks WHERE extension_request_count > 0`,
    },
  ];
}

/**
 * Follow-ups as a task's history reads: assigned, acknowledged, progress reports and reminders, then
 * submitted and verified, or cancelled. Long-running tasks have many, new ones one or two. The counts
 * are drawn per task, then nudged one up or down on random tasks to make exactly `total`.
 */
function followUpSteps(total: number): Array<{ label: string; sql: string }> {
  return [
    {
      label: 'follow-up plan',
      sql: `CREATE TEMP TABLE bench_history AS
        SELECT id task_id, status, progress, assigned_at,
          greatest(assigned_at, coalesce(completed_at, cancelled_at, least(now(), due_date + time '17:00'))) end_at,
          CASE status WHEN 'assigned' THEN 1 + (random() < 0.3)::int WHEN 'acknowledged' THEN 2 + floor(random() * 2)::int
            WHEN 'in_progress' THEN 3 + floor(random() * 5)::int WHEN 'submitted' THEN 4 + floor(random() * 3)::int
            WHEN 'cancelled' THEN 2 + floor(random() * 3)::int ELSE 2 + floor(power(random(), 1.5) * 4)::int END n
        FROM tasks`,
    },
    {
      label: 'follow-up count to the exact total',
      sql: `WITH off AS (SELECT ${total} - sum(n) d FROM bench_history),
        picked AS (SELECT task_id FROM bench_history, off WHERE off.d > 0 OR n >= 3 ORDER BY random() LIMIT (SELECT abs(d) FROM off))
        UPDATE bench_history h SET n = n + sign(off.d)::int FROM picked, off WHERE h.task_id = picked.task_id`,
    },
    {
      label: `${total} follow-ups`,
      sql: `INSERT INTO follow_ups (task_id, kind, body, progress, from_status, to_status, created_at)
        SELECT task_id, kind, CASE WHEN kind IN ('progress', 'comment', 'instruction') THEN ${pick(focus)} || '。' END,
          CASE WHEN kind = 'progress' THEN floor(task_progress * i / greatest(n - 1, 1))::int END,
          CASE kind WHEN 'acknowledge' THEN 'assigned' WHEN 'submit' THEN 'in_progress' WHEN 'verify' THEN 'submitted' END::task_status,
          CASE kind WHEN 'acknowledge' THEN 'acknowledged' WHEN 'submit' THEN 'submitted' WHEN 'verify' THEN 'completed' WHEN 'cancel' THEN 'cancelled' END::task_status,
          made_at
        FROM (
          SELECT h.task_id, h.progress task_progress, h.n, i,
            assigned_at + (end_at - assigned_at) * (i::float8 / greatest(n - 1, 1)) made_at,
            (CASE
              WHEN i = 0 THEN 'assign'
              WHEN i = n - 1 AND status = 'cancelled' THEN 'cancel'
              WHEN i = n - 1 AND status = 'completed' THEN 'verify'
              WHEN i = n - 1 - (status = 'completed')::int AND status IN ('submitted', 'completed') THEN 'submit'
              WHEN i = 1 AND status <> 'assigned' THEN 'acknowledge'
              WHEN status = 'assigned' OR r < 0.1 THEN 'reminder'
              WHEN r < 0.2 THEN 'comment'
              WHEN r < 0.25 THEN 'instruction'
              ELSE 'progress' END)::follow_up_kind kind
          FROM bench_history h CROSS JOIN LATERAL (SELECT i, random() r FROM generate_series(0, h.n - 1) i) s
        ) f
        ORDER BY made_at`,
    },
    { label: 'drop follow-up plan', sql: `DROP TABLE bench_history` },
  ];
}

export async function generate(db: Db, size: DataSetSize, today: string, log: (line: string) => void): Promise<void> {
  for (const step of generationSteps(size, today)) {
    const started = performance.now();
    await db.execute(sql.raw(step.sql));
    log(`  ${step.label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
