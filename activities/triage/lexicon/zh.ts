import type { Lexicon } from './types';

// Chinese has no word boundaries, so its patterns use no \b; the return cue follows the date (于 DATE 返回办公室).
export const zh: Lexicon = {
  lang: 'zh',
  optOut: [{ re: /(退订|取消订阅|不要再(发|联系|给我发)|请(勿|不要)再(发送|联系|发邮件)|从(您的|你们的)?(列表|名单)中(删除|移除)|删除我的(信息|邮箱|数据))/, label: '退订', weight: 2 }],
  optOutNotRequest: [],
  notInterested: [{ re: /(不感兴趣|没有兴趣|不需要|谢谢，不用)/, label: '不感兴趣', weight: 2 }],
  price: [{ re: /(太贵|没有预算|预算不足|价格太高)/, label: '太贵', weight: 2 }],
  timing: [{ re: /(目前不|暂时不|明年再|以后再|下个季度)/, label: '暂时不', weight: 2 }],
  competitor: [{ re: /(已经在用|已有|已经有)(其他|别的)?(系统|工具|方案|供应商)/, label: '已经在用', weight: 2 }],
  referral: [{ re: /(不是负责人|请联系(我的)?同事|转给(了)?(我的)?同事|负责人是)/, label: '请联系同事', weight: 2 }],
  meeting: [{ re: /(约个时间|安排(一个)?(会议|电话|演示)|周[一二三四五](上午|下午)?.{0,6}(可以|方便))/, label: '安排会议', weight: 2 }],
  question: [{ re: /(请问|想了解|能否告诉)/, label: '请问', weight: 2 }],
  interest: [{ re: /(很感兴趣|有兴趣|请发(送)?(更多)?资料)/, label: '感兴趣', weight: 2 }],
  threat: [],
  anger: [],
  confused: [{ re: /(你是谁|您是哪位|从哪里(得到|获取)我的)/, label: '您是哪位' }],
  away: [{ re: /(休假|不在办公室|外出|出差|休年假|请假|产假)/, label: '休假' }],
  awayNotice: [{ re: /(返回后|回来后|回复您|如有急事|紧急事务|邮件访问受限)/, label: '外出通知' }],
  automatic: [{ re: /(自动回复|系统自动发送|此邮件为自动)/, label: '自动回复' }],
  autoSubjects: [{ re: /^(自动回复)/, away: false }, { re: /^(休假|外出|不在办公室)/, away: true }],
  returnCue: ['返回', '回到', '回来', '上班'],
  untilCue: ['至', '到'],
  fromCue: ['从', '自'],
};
