import type { User } from '../schema';
import { DEPARTMENTS } from './departments';

/** Every demo account signs in with this password. */
export const DEMO_PASSWORD = 'Docket#2018';

export interface DemoAccount {
  username: string;
  role: User['role'];
  /** Department code (see departments.ts), null for accounts that belong to none. */
  departmentCode: string | null;
  displayName: string;
}

/** The accounts the README and the end-to-end tests sign in with. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'admin', departmentCode: null, displayName: '系统管理员 赵磊' },
  { username: 'secretary', role: 'secretary', departmentCode: 'committee-office', displayName: '安委办秘书 王丽' },
  // Linked to the person 林正安, the invented present-day mayor (people.ts says why).
  { username: 'leader', role: 'leader', departmentCode: null, displayName: '市长 林正安' },
  { username: 'dept-emergency', role: 'department_head', departmentCode: 'emergency', displayName: '市应急局联络员 张伟' },
  { username: 'dept-zhongshan', role: 'department_head', departmentCode: 'zhongshan', displayName: '中山区联络员 陈静' },
];

// Given names for the other departments' liaisons, one per department in list order.
const LIAISON_NAMES = [
  '刘洋', '李娜', '杨帆', '黄磊', '周敏', '吴昊', '徐静', '孙涛', '马丽', '朱峰', '胡斌', '郭燕', '何军',
  '高翔', '林芳', '罗鹏', '梁雪', '宋凯', '郑欣', '谢东', '韩冰', '唐宁', '冯雷', '于洁', '董明',
];

/**
 * One liaison (department_head) per other department or district, so every task's
 * follow-ups have a real author. They use the demo password too.
 */
export function liaisonAccounts(): DemoAccount[] {
  const taken = new Set(DEMO_ACCOUNTS.map((a) => a.departmentCode));
  const departments = DEPARTMENTS.filter((d) => d.kind !== 'office' && !taken.has(d.code));
  if (departments.length > LIAISON_NAMES.length) throw new Error('seed: add more liaison names');
  return departments.map((d, i) => ({
    username: `dept-${d.code}`,
    role: 'department_head',
    departmentCode: d.code,
    displayName: `${d.kind === 'district' ? d.name : d.shortName}联络员 ${LIAISON_NAMES[i]}`,
  }));
}
