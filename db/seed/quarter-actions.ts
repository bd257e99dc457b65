import type { ActionSeed } from './spec';

// What the mayor asks for in each quarter of a present-day year, following the seasons
// of safety work. Every list gives the emergency bureau and Zhongshan District six tasks,
// so the two demo department heads always have a full inbox.

type Seed = [title: string, titleEn: string, details: string, category: ActionSeed['category'], lead: string, support: string[], dueDays: number];

const Q1: Seed[] = [
  ['学习贯彻安全生产重要论述，部署全年安全生产工作', 'Study the guidance on safety production and plan the year', '各地区、各部门制定年度安全生产工作要点，明确责任清单。', 'other', 'emergency', ['zhongshan', 'xigang'], 40],
  ['危险化学品企业复工复产安全检查', 'Safety checks as chemical plants restart after the holiday', '对重大危险源企业复工复产逐一检查，落实"开工第一课"。', 'hazardous_chemicals', 'emergency', ['ecology', 'ganjingzi'], 45],
  ['人员密集场所消防安全专项整治', 'Fire safety campaign in crowded places', '重点整治商场、市场、宾馆饭店消防通道堵塞和电气线路隐患。', 'fire', 'fire', ['commerce', 'zhongshan', 'emergency'], 40],
  ['清明期间道路交通安全整治', 'Road traffic safety around the Qingming holiday', '加强祭扫路段交通组织和"两客一危"车辆动态监控。', 'road_traffic', 'traffic-police', ['transport', 'zhongshan'], 35],
  ['建筑工地春季复工安全检查', 'Construction site checks at the spring restart', '在建工地复工前逐一验收，重点检查深基坑、高支模和起重机械。', 'construction', 'housing', ['emergency', 'zhongshan', 'shahekou'], 45],
  ['城镇燃气安全排查整治', 'Urban gas safety inspection', '检查餐饮场所燃气使用和老旧燃气管网，推广安装可燃气体报警装置。', 'gas', 'urban-management', ['market', 'emergency', 'zhongshan'], 50],
  ['春季开学校园安全隐患排查', 'School safety checks for the spring term', '排查校舍、食堂和校车安全，组织应急疏散演练。', 'campus', 'education', ['health', 'zhongshan', 'emergency'], 35],
];

const Q2: Seed[] = [
  ['组织开展"安全生产月"活动', 'Organise the national Safety Production Month', '围绕年度主题开展宣传咨询日、应急演练和隐患随手拍活动。', 'other', 'emergency', ['zhongshan', 'education'], 40],
  ['防汛防台风和地质灾害防范', 'Flood, typhoon and landslide preparedness', '排查山洪和地质灾害隐患点，完善人员转移避险预案。', 'other', 'water', ['natural-resources', 'emergency', 'zhongshan'], 45],
  ['夏季旅游景区和海水浴场安全', 'Summer safety at tourist sites and beaches', '落实景区限流措施和海水浴场救生力量，加强游乐设施检查。', 'tourism', 'culture-tourism', ['zhongshan', 'lushunkou', 'emergency'], 40],
  ['危险化学品和油气管道汛期安全', 'Hazardous chemicals and pipelines in the rainy season', '检查储罐区防雷防静电和管道穿越河道段，落实汛期值守。', 'hazardous_chemicals', 'emergency', ['ports', 'ganjingzi', 'zhongshan'], 50],
  ['电梯和游乐设施等特种设备安全检查', 'Lifts, amusement rides and other special equipment', '对老旧电梯和大型游乐设施开展全覆盖检查。', 'special_equipment', 'market', ['culture-tourism', 'zhongshan'], 45],
  ['建筑施工高温和汛期安全', 'Construction safety in heat and heavy rain', '落实高温作业防护，检查深基坑和临时设施防汛措施。', 'construction', 'housing', ['emergency', 'zhongshan'], 40],
  ['伏季休渔期渔船安全管理', 'Fishing vessels during the summer fishing moratorium', '加强停港渔船防台风和消防管理，严防非法出海。', 'fishing_vessels', 'agriculture', ['changhai', 'zhuanghe', 'emergency'], 45],
];

const Q3: Seed[] = [
  ['汛期后安全隐患"回头看"', 'Second-round hazard checks after the rainy season', '对汛期发现的隐患逐项复查销号。', 'other', 'emergency', ['zhongshan', 'water'], 40],
  ['开海期间渔船和港口安全', 'Fishing vessels and port safety in the fishing season', '对出海渔船逐船检查救生、消防和通导设备，严防超员超载和冒险出海。', 'fishing_vessels', 'agriculture', ['ports', 'changhai', 'emergency'], 35],
  ['国庆假期旅游景区和人员密集场所安全', 'National Day holiday: tourist sites and crowded places', '落实景区预约限流和大型活动安全许可。', 'tourism', 'culture-tourism', ['fire', 'zhongshan', 'emergency'], 40],
  ['道路运输"两客一危一货"专项整治', 'Coaches, tour buses, hazardous-goods and heavy trucks campaign', '严查超速超载和疲劳驾驶，清理挂靠经营。', 'road_traffic', 'traffic-police', ['transport', 'zhongshan'], 45],
  ['秋季开学校园及周边安全', 'School and school-surroundings safety for the autumn term', '排查校车、食堂和校园周边交通安全隐患。', 'campus', 'education', ['traffic-police', 'zhongshan', 'emergency'], 35],
  ['供暖季前城镇燃气安全检查', 'Gas safety before the heating season', '检查燃气场站和老旧小区管网，督促用户更换不合格软管。', 'gas', 'urban-management', ['market', 'zhongshan', 'emergency'], 50],
  ['工贸企业有限空间作业安全治理', 'Confined-space work in industrial and trade companies', '建立有限空间作业台账，落实作业审批和监护制度。', 'other', 'emergency', ['industry', 'zhongshan', 'ganjingzi'], 45],
];

const Q4: Seed[] = [
  ['岁末年初安全生产大检查', 'Year-end safety inspection', '对重点行业领域开展全覆盖检查，严防年底赶工期、抢进度。', 'other', 'emergency', ['zhongshan', 'industry', 'commerce'], 40],
  ['冬季消防安全和电气火灾整治', 'Winter fire safety and electrical fires', '整治电动自行车违规停放充电和老旧小区电气线路。', 'fire', 'fire', ['zhongshan', 'emergency', 'housing'], 40],
  ['冬季供暖和燃气安全保障', 'Heating and gas safety in winter', '检查供热企业锅炉和燃气用户安全，落实24小时应急值守。', 'gas', 'urban-management', ['zhongshan', 'market'], 45],
  ['冰雪天气道路交通安全', 'Road safety in ice and snow', '完善冰雪天气道路清扫和交通管制预案，加强客运车辆管理。', 'road_traffic', 'transport', ['traffic-police', 'zhongshan', 'emergency'], 35],
  ['元旦春节期间人员密集场所和旅游景区安全', 'New Year and Spring Festival: crowded places and tourist sites', '落实大型活动安全保障和景区冰雪项目安全措施。', 'tourism', 'culture-tourism', ['commerce', 'zhongshan', 'emergency'], 50],
  ['港口危险货物和冬季海上安全', 'Port hazardous cargo and winter maritime safety', '检查港口危险货物储存场所，落实大风寒潮天气船舶避风措施。', 'ports', 'ports', ['agriculture', 'emergency', 'changhai'], 45],
  ['年度安全生产责任制考核', 'Annual assessment of safety responsibilities', '对各地区、各部门安全生产责任制落实情况开展年度考核。', 'other', 'emergency', ['zhongshan', 'xigang', 'shahekou'], 55],
];

const PRIORITIES: ActionSeed['priority'][] = ['high', 'urgent', 'high', 'normal', 'normal', 'normal', 'low'];

export function quarterActions(quarter: 1 | 2 | 3 | 4): ActionSeed[] {
  const list = [Q1, Q2, Q3, Q4][quarter - 1] ?? Q1;
  return list.map(([title, titleEn, details, category, lead, support, dueDays], i) => ({
    title,
    titleEn,
    details,
    category,
    priority: PRIORITIES[i] ?? 'normal',
    lead,
    support,
    dueDays,
  }));
}
