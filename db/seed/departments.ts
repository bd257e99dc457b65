import type { NewDepartment } from '../schema';

export interface DepartmentSeed {
  code: string;
  name: string;
  nameEn: string;
  shortName: string;
  shortNameEn: string;
  kind: NonNullable<NewDepartment['kind']>;
  /** Parent's code; the committee office sits inside the emergency bureau. */
  parent?: string;
}

// The municipal bodies and districts of demo-reference.md, in the order officials list them.
const MUNICIPAL: Array<Omit<DepartmentSeed, 'kind'>> = [
  { code: 'emergency', name: '大连市应急管理局', nameEn: 'Dalian Emergency Management Bureau', shortName: '市应急局', shortNameEn: 'Emergency' },
  { code: 'fire', name: '大连市消防救援支队', nameEn: 'Dalian Fire and Rescue Detachment', shortName: '市消防支队', shortNameEn: 'Fire' },
  { code: 'transport', name: '大连市交通运输局', nameEn: 'Transport Bureau', shortName: '市交通局', shortNameEn: 'Transport' },
  { code: 'housing', name: '大连市住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau', shortName: '市住建局', shortNameEn: 'Housing' },
  { code: 'market', name: '大连市市场监督管理局', nameEn: 'Market Supervision Administration', shortName: '市市场监管局', shortNameEn: 'Market Supervision' },
  { code: 'education', name: '大连市教育局', nameEn: 'Education Bureau', shortName: '市教育局', shortNameEn: 'Education' },
  { code: 'health', name: '大连市卫生健康委员会', nameEn: 'Health Commission', shortName: '市卫健委', shortNameEn: 'Health' },
  { code: 'ecology', name: '大连市生态环境局', nameEn: 'Ecology and Environment Bureau', shortName: '市生态环境局', shortNameEn: 'Ecology' },
  { code: 'industry', name: '大连市工业和信息化局', nameEn: 'Industry and Information Technology Bureau', shortName: '市工信局', shortNameEn: 'Industry' },
  { code: 'commerce', name: '大连市商务局', nameEn: 'Commerce Bureau', shortName: '市商务局', shortNameEn: 'Commerce' },
  { code: 'agriculture', name: '大连市农业农村局', nameEn: 'Agriculture and Rural Affairs Bureau', shortName: '市农业农村局', shortNameEn: 'Agriculture' },
  { code: 'water', name: '大连市水务局', nameEn: 'Water Affairs Bureau', shortName: '市水务局', shortNameEn: 'Water' },
  { code: 'culture-tourism', name: '大连市文化和旅游局', nameEn: 'Culture and Tourism Bureau', shortName: '市文旅局', shortNameEn: 'Culture and Tourism' },
  { code: 'traffic-police', name: '大连市公安局交通警察支队', nameEn: 'Public Security Bureau, Traffic Police Detachment', shortName: '市交警支队', shortNameEn: 'Traffic Police' },
  { code: 'natural-resources', name: '大连市自然资源局', nameEn: 'Natural Resources Bureau', shortName: '市自然资源局', shortNameEn: 'Natural Resources' },
  { code: 'urban-management', name: '大连市城市管理局', nameEn: 'Urban Management Bureau', shortName: '市城管局', shortNameEn: 'Urban Management' },
  { code: 'ports', name: '大连市港口与口岸局', nameEn: 'Port and Port-of-Entry Bureau', shortName: '市港口与口岸局', shortNameEn: 'Ports' },
];

const DISTRICTS: Array<Omit<DepartmentSeed, 'kind'>> = [
  { code: 'zhongshan', name: '中山区', nameEn: 'Zhongshan District', shortName: '中山', shortNameEn: 'Zhongshan' },
  { code: 'xigang', name: '西岗区', nameEn: 'Xigang District', shortName: '西岗', shortNameEn: 'Xigang' },
  { code: 'shahekou', name: '沙河口区', nameEn: 'Shahekou District', shortName: '沙河口', shortNameEn: 'Shahekou' },
  { code: 'ganjingzi', name: '甘井子区', nameEn: 'Ganjingzi District', shortName: '甘井子', shortNameEn: 'Ganjingzi' },
  { code: 'lushunkou', name: '旅顺口区', nameEn: 'Lüshunkou District', shortName: '旅顺口', shortNameEn: 'Lüshunkou' },
  { code: 'jinzhou', name: '金州区', nameEn: 'Jinzhou District', shortName: '金州', shortNameEn: 'Jinzhou' },
  { code: 'pulandian', name: '普兰店区', nameEn: 'Pulandian District', shortName: '普兰店', shortNameEn: 'Pulandian' },
  { code: 'wafangdian', name: '瓦房店市', nameEn: 'Wafangdian City', shortName: '瓦房店', shortNameEn: 'Wafangdian' },
  { code: 'zhuanghe', name: '庄河市', nameEn: 'Zhuanghe City', shortName: '庄河', shortNameEn: 'Zhuanghe' },
  { code: 'changhai', name: '长海县', nameEn: 'Changhai County', shortName: '长海', shortNameEn: 'Changhai' },
];

export const COMMITTEE_OFFICE: DepartmentSeed = {
  code: 'committee-office',
  name: '大连市安全生产委员会办公室',
  nameEn: 'Office of the Dalian Work Safety Committee',
  shortName: '市安委办',
  shortNameEn: 'Committee Office',
  kind: 'office',
  parent: 'emergency',
};

export const DEPARTMENTS: DepartmentSeed[] = [
  ...MUNICIPAL.map((d) => ({ ...d, kind: 'department' as const })),
  ...DISTRICTS.map((d) => ({ ...d, kind: 'district' as const })),
  COMMITTEE_OFFICE,
];

export const DISTRICT_CODES: string[] = DISTRICTS.map((d) => d.code);
export const MUNICIPAL_CODES: string[] = MUNICIPAL.map((d) => d.code);

/** Sort order within a kind, 1-based, in the order of the lists above. */
export function sortOrderOf(department: DepartmentSeed): number {
  return DEPARTMENTS.filter((d) => d.kind === department.kind).indexOf(department) + 1;
}

export function departmentByCode(code: string): DepartmentSeed {
  const found = DEPARTMENTS.find((d) => d.code === code);
  if (!found) throw new Error(`seed: unknown department code ${code}`);
  return found;
}

/** The managed list of action categories, in the order the form offers them. */
export const ACTION_CATEGORIES = [
  { code: 'hazardous_chemicals', name: '危险化学品', nameEn: 'Hazardous chemicals' },
  { code: 'fire', name: '消防', nameEn: 'Fire safety' },
  { code: 'road_traffic', name: '道路交通', nameEn: 'Road traffic' },
  { code: 'construction', name: '建筑施工', nameEn: 'Construction' },
  { code: 'mines', name: '矿山', nameEn: 'Mines' },
  { code: 'special_equipment', name: '特种设备', nameEn: 'Special equipment' },
  { code: 'gas', name: '燃气', nameEn: 'Gas' },
  { code: 'campus', name: '校园', nameEn: 'Campus safety' },
  { code: 'tourism', name: '旅游景区', nameEn: 'Tourism venues' },
  { code: 'ports', name: '港口', nameEn: 'Ports' },
  { code: 'fishing_vessels', name: '渔船', nameEn: 'Fishing vessels' },
  { code: 'other', name: '其他', nameEn: 'Other' },
] as const;

export type CategoryCode = (typeof ACTION_CATEGORIES)[number]['code'];
