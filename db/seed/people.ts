import type { NewPerson } from '../schema';

export type PersonSeed = Omit<NewPerson, 'id' | 'userId'>;

const CITY = { organization: '大连市人民政府', organizationEn: "Dalian Municipal People's Government" };

/**
 * The three officials of the 2018 article, as they were then, and a present-day team for
 * the current year's conferences. The present-day names are invented: the demo must not
 * put new words in real officials' mouths, so `leader` is linked to the invented mayor.
 */
export const PEOPLE = {
  xiaoShengfeng: { name: '肖盛峰', nameEn: 'Xiao Shengfeng', position: '市长', positionEn: 'Mayor', ...CITY },
  liuYan: { name: '刘岩', nameEn: 'Liu Yan', position: '副市长', positionEn: 'Deputy Mayor', ...CITY },
  luoDongsheng: {
    name: '骆东升',
    nameEn: 'Luo Dongsheng',
    position: '市政府秘书长',
    positionEn: 'Secretary-General of the Municipal Government',
    ...CITY,
  },
  mayor: { name: '林正安', nameEn: "Lin Zheng'an", position: '市长', positionEn: 'Mayor', ...CITY },
  deputyMayor: {
    name: '邵明远',
    nameEn: 'Shao Mingyuan',
    position: '副市长',
    positionEn: 'Deputy Mayor',
    ...CITY,
  },
  secretaryGeneral: {
    name: '韩志诚',
    nameEn: 'Han Zhicheng',
    position: '市政府秘书长',
    positionEn: 'Secretary-General of the Municipal Government',
    ...CITY,
  },
  emergencyDirector: {
    name: '唐卫东',
    nameEn: 'Tang Weidong',
    position: '市应急管理局局长、市安委办主任',
    positionEn: 'Director of the Emergency Management Bureau and of the Committee Office',
    organization: '大连市应急管理局',
    organizationEn: 'Dalian Emergency Management Bureau',
  },
} satisfies Record<string, PersonSeed>;

export type PersonKey = keyof typeof PEOPLE;

/** The person linked to the `leader` demo account. */
export const LEADER_PERSON: PersonKey = 'mayor';
