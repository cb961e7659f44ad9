import { classifyMessage, type Intent } from '../../activities/triage';

function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 +0800' } = {}): string {
  return [
    'From: Pat <pat@acme.example>',
    'To: Dana Whitfield <dana@northpeak.io>',
    `Subject: ${subject}`,
    `Date: ${date}`,
    'Message-ID: <r1@acme.example>',
    'In-Reply-To: <enr-1.step-1.v1@mail.northpeak.io>',
    ...(headers ? [headers] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

describe('Chinese replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    ['请不要再给我发邮件了。', 'unsubscribe'],
    ['退订。', 'unsubscribe'],
    ['请将我从你们的邮件列表中删除。', 'unsubscribe'],
    ['不想再收到此类邮件。', 'unsubscribe'],
    ['請勿再發送郵件給我。', 'unsubscribe'],
    ['删除我的联系方式。', 'unsubscribe'],
    ['不感兴趣，请勿再联系。', 'unsubscribe'],
    ['不感兴趣，谢谢。', 'not_interested'],
    ['我们不需要。', 'not_interested'],
    ['价格太高了。', 'objection_price'],
    ['今年没有预算。', 'objection_price'],
    ['目前不考虑，明年再联系吧。', 'objection_timing'],
    ['年底比较忙，等春节之后再联系。', 'objection_timing'],
    ['我们已经在用其他系统了。', 'objection_competitor'],
    ['我们一直在用金蝶。', 'objection_competitor'],
    ['我们是自己开发的。', 'objection_competitor'],
    ['我不是负责人，请联系我们的财务经理。', 'referral'],
    ['已转给我的同事王经理。', 'referral'],
    ['这件事由财务部的李总负责。', 'referral'],
    ['周二下午三点可以吗？', 'meeting_request'],
    ['下周三方便吗？请发会议邀请。', 'meeting_request'],
    ['可以安排一个演示。', 'meeting_request'],
    ['请问是否支持用友？', 'question'],
    ['想了解一下怎么收费。', 'question'],
    ['很感兴趣，请发一些资料。', 'interested'],
    ['听起来不错，想了解更多。', 'interested'],
    ['你是谁？从哪里得到我的邮箱的？', 'other'],
    ['这是垃圾邮件。', 'other'],
    ['请停止发送营销邮件。', 'unsubscribe'],
    ['不用了，谢谢。', 'not_interested'],
    ['超出预算了。', 'objection_price'],
    ['现在不是时候，过段时间再说。', 'objection_timing'],
    ['这个不归我管，请联系财务部。', 'referral'],
    ['下周二上午十点可以吗？', 'meeting_request'],
    ['您的邮件已收到，已转给财务部的同事。', 'referral'],
    ['以后不要再发这类邮件了。', 'unsubscribe'],
    ['请把我的邮箱从你们的名单中移除。', 'unsubscribe'],
    ['暂不需要，谢谢。', 'objection_timing'],
    ['我们已经有类似的系统了。', 'objection_competitor'],
    ['这事请找我们财务经理张总。', 'referral'],
    ['明天下午3点方便通个电话吗？', 'meeting_request'],
    ['能否提供一下报价？', 'question'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each<[string, boolean]>([
    ['你是谁？从哪里得到我的邮箱的？', true],
    ['这是垃圾邮件。', true],
  ])('%j escalates: %s', async (body, escalate) => {
    expect((await classifyMessage(eml(body))).escalate).toBe(escalate);
  });

  test.each<[string, string, string | null]>([
    ['我正在休假，将于2026年11月30日返回办公室。', '自动回复: Month-end close', '2026-11-30'],
    ['本人于11月20日至11月27日休年假，11月30日返回办公室。如有急事请联系 li@acme.cn。', '自动回复: x', '2026-11-30'],
    ['我出差到11月27日，期間郵件可能無法及時回覆。', '自動回覆: x', '2026-11-27'],
    ['我目前不在办公室，回来后会尽快回复您。', '自动回复: x', null],
    ['您好，我于11月18日至11月30日休假，12月1日返回办公室。', '自动回复：x', '2026-12-01'],
  ])('absence notice %j (subject %j) returns %s', async (body, subject, returnDate) => {
    const t = await classifyMessage(eml(body, { subject, headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, string, Intent]>([
    ['休假', '我于11月27日前休假，返回后尽快回复。如有急事请联系同事。', 'out_of_office'],
    ['Re: Month-end close', '这是一封自动回复邮件，请勿直接回复此邮件。', 'auto_reply_other'],
    ['自动回复: Re: Month-end close', '您的邮件已收到，工单号 12345。', 'auto_reply_other'],
    ['Re: Month-end close', '感谢您的来信。我目前出差，但很感兴趣，请发一些资料。', 'interested'],
  ])('without automatic headers, %j / %j is %s', async (subject, body, intent) => {
    expect((await classifyMessage(eml(body, { subject }))).intent).toBe(intent);
  });
});

