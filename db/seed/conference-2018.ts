import { buildQuarterly } from './build-conference';
import type { ActionSeed, ConferenceSpec } from './spec';

// The conference of seed-article.txt. The article gives the people, their parts and the
// statistics; the agenda timings, the concrete actions and their follow-up are illustrative.

export const CONFERENCE_2018_DATE = '2018-03-16';

const MAYOR_SUMMARY =
  '要求各地区、各部门、各单位认真学习贯彻习近平总书记关于安全生产的重要思想，提高政治站位，强化安全理念，' +
  '把安全生产作为关系人民群众生命财产安全、关系经济社会协调健康发展、关系党和政府对人民利益高度负责的大事抓紧抓好；' +
  '坚持安全发展、改革创新、依法监管、源头防范、系统治理，把习近平总书记的战略思想转化为全市干部群众推动安全生产的生动实践。';

const REPORT_SUMMARY =
  '全市事故起数和死亡人数比2015年分别下降36%和32%；连续29个月未发生较大及以上生产安全事故；' +
  '危险化学品行业连续两年未发生泄漏爆炸事故，创20年来最好纪录；企业安全生产全员责任制等"四个机制"创新做法在全国推广；' +
  '大连被确定为遏制重特大事故试点城市、安全生产改革发展试点城市和安全发展示范试点城市，连续两年被评为全省安全生产优秀市。';

const ACTIONS_2018: ActionSeed[] = [
  {
    title: '深入学习贯彻习近平总书记关于安全生产的重要思想，组织全市专题学习',
    titleEn: "Study and implement General Secretary Xi Jinping's important ideas on safety production city-wide",
    details: '各地区、各部门将安全生产重要思想纳入党委（党组）中心组学习内容，提高政治站位，强化安全理念，4月底前报送学习贯彻情况。',
    category: 'other', priority: 'high', lead: 'emergency', support: ['zhongshan', 'xigang', 'education'], dueDays: 45,
  },
  {
    title: '落实安全生产责任制，推广企业全员安全生产责任"四个机制"',
    titleEn: 'Enforce the safety responsibility system and extend the "four mechanisms" of corporate responsibility',
    details: '压实党政领导责任、部门监管责任和企业主体责任；重点行业企业全面建立全员安全生产责任制，6月底前完成评估。',
    category: 'other', priority: 'high', lead: 'emergency', support: ['industry', 'commerce', 'shahekou'], dueDays: 106,
  },
  {
    title: '开展危险化学品安全综合治理，巩固连续两年无泄漏爆炸事故成果',
    titleEn: 'Comprehensive hazardous-chemicals campaign to keep two years without a leak or explosion',
    details: '对重大危险源企业和化工园区开展全覆盖检查，落实源头防范和双重预防机制。',
    category: 'hazardous_chemicals', priority: 'urgent', lead: 'emergency', support: ['ecology', 'ganjingzi', 'jinzhou'], dueDays: 76,
  },
  {
    title: '春季防火和人员密集场所消防安全专项整治',
    titleEn: 'Spring fire prevention and fire safety in crowded places',
    details: '重点检查商场市场、宾馆饭店、养老机构和"九小场所"，清理消防通道，整改电气火灾隐患。',
    category: 'fire', priority: 'high', lead: 'fire', support: ['commerce', 'health', 'zhongshan', 'xigang'], dueDays: 45,
  },
  {
    title: '道路交通安全隐患排查，重点整治"两客一危"车辆',
    titleEn: 'Road traffic hazard inspection focused on coaches, tour buses and hazardous-goods vehicles',
    details: '严查超速、超员、疲劳驾驶，清明节期间加强祭扫路段交通组织。',
    category: 'road_traffic', priority: 'high', lead: 'traffic-police', support: ['transport', 'pulandian', 'zhuanghe'], dueDays: 76,
  },
  {
    title: '建筑施工春季复工安全检查',
    titleEn: 'Construction site safety checks at the spring restart',
    details: '对在建工地复工前逐一验收，重点检查深基坑、高支模、起重机械和脚手架。',
    category: 'construction', priority: 'normal', lead: 'housing', support: ['urban-management', 'ganjingzi'], dueDays: 45,
  },
  {
    title: '非煤矿山和尾矿库安全整治',
    titleEn: 'Safety of non-coal mines and tailings ponds',
    details: '排查非煤矿山和尾矿库，关闭不具备安全生产条件的矿山。',
    category: 'mines', priority: 'normal', lead: 'natural-resources', support: ['emergency', 'wafangdian', 'zhuanghe'], dueDays: 106,
  },
  {
    title: '城镇燃气和特种设备安全检查',
    titleEn: 'Urban gas and special equipment inspection',
    details: '检查燃气场站、餐饮场所燃气使用和电梯、锅炉等特种设备，督促企业落实检验维保。',
    category: 'gas', priority: 'normal', lead: 'urban-management', support: ['market', 'zhongshan', 'shahekou'], dueDays: 76,
  },
  {
    title: '渔船开海前和港口危险货物作业安全检查',
    titleEn: 'Fishing vessel and port hazardous-cargo safety checks',
    details: '对渔船救生消防设备和港口危险货物储存作业场所开展检查，严防海上安全事故。',
    category: 'fishing_vessels', priority: 'normal', lead: 'agriculture', support: ['ports', 'changhai', 'lushunkou'], dueDays: 76,
  },
  {
    title: '校园、旅游景区和人员密集活动安全',
    titleEn: 'Safety of schools, tourist sites and crowded events',
    details: '做好春季开学和清明、"五一"期间校园、景区和大型活动安全保障。',
    category: 'tourism', priority: 'normal', lead: 'culture-tourism', support: ['education', 'lushunkou', 'jinzhou'], dueDays: 45,
  },
];

export function conference2018(today: Date): ConferenceSpec {
  return buildQuarterly({
    year: 2018,
    quarter: 1,
    date: CONFERENCE_2018_DATE,
    // The provincial conference ran first that morning; the city's own followed.
    start: '10:30',
    end: '11:40',
    status: 'minutes_published',
    relays: {
      title: '全省安全生产电视电话会议',
      titleEn: 'Provincial video and telephone conference on safety production',
      level: 'provincial',
      date: CONFERENCE_2018_DATE,
    },
    speakers: [
      { person: 'luoDongsheng', role: 'chair', topic: '主持会议', topicEn: 'Chairs the conference', summary: null },
      {
        person: 'liuYan',
        role: 'report',
        topic: '作全市安全生产工作报告',
        topicEn: "Reports on the city's safety production work",
        summary: REPORT_SUMMARY,
      },
      {
        person: 'xiaoShengfeng',
        role: 'instructions',
        topic: '讲话，部署安全生产工作',
        topicEn: 'Speech: requests to regions, departments and units',
        summary: MAYOR_SUMMARY,
      },
    ],
    agenda: [
      { title: '主持人宣布会议开始', titleEn: 'Opening by the chair', kind: 'opening', presenter: 0, minutes: 3 },
      { title: '刘岩副市长作全市安全生产工作报告', titleEn: 'Deputy Mayor Liu Yan: safety production work report', kind: 'report', presenter: 1, minutes: 25 },
      { title: '肖盛峰市长讲话', titleEn: 'Mayor Xiao Shengfeng: speech and requests', kind: 'speech', presenter: 2, minutes: 35 },
      { title: '主持人总结，会议结束', titleEn: 'Closing by the chair', kind: 'closing', presenter: 0, minutes: 5 },
    ],
    actions: ACTIONS_2018,
    tasks: 'historical',
    today,
    noticeDate: '2018-03-14',
    minutesDate: '2018-03-20',
    excused: [],
    // A duplicate support task, withdrawn early.
    cancelled: [7],
  });
}
