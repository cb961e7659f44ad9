import { classifyMessage, type Intent } from '../../activities/triage';

function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 +0900' } = {}): string {
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

describe('Japanese replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    ['配信停止をお願いします。', 'unsubscribe'],
    ['今後このようなメールは送らないでください。', 'unsubscribe'],
    ['今後のご連絡は不要です。', 'unsubscribe'],
    ['営業メールはお断りしております。リストから削除してください。', 'unsubscribe'],
    ['大変恐縮ですが、今後のご案内は不要でございます。弊社アドレスを配信リストから削除していただきますようお願い申し上げます。', 'unsubscribe'],
    ['メールアドレスを削除してください。', 'unsubscribe'],
    ['二度と連絡しないでください。', 'unsubscribe'],
    ['送信を控えていただけますでしょうか。', 'unsubscribe'],
    ['御社ドメインを受信拒否しました。', 'unsubscribe'],
    ['これ以上送ってくるなら特定電子メール法違反として通報します。', 'unsubscribe'],
    ['興味はありません。今後の連絡はご遠慮ください。', 'unsubscribe'],
    ['個人情報の利用停止を求めます。', 'unsubscribe'],
    ['興味ありません。', 'not_interested'],
    ['弊社には必要ありません。', 'not_interested'],
    ['結構です。', 'not_interested'],
    ['今回は見送らせていただきます。', 'not_interested'],
    ['間に合っております。', 'not_interested'],
    ['導入の予定はございません。', 'not_interested'],
    ['費用面で折り合いがつかず、今回は見送ります。', 'objection_price'],
    ['予算がありません。', 'objection_price'],
    ['1ユーザーあたり49ドルは弊社には高すぎます。', 'objection_price'],
    ['予算の都合で難しいです。', 'objection_price'],
    ['今は難しいです。来年度以降に改めてご連絡ください。', 'objection_timing'],
    ['決算期のため余裕がありません。4月以降にご連絡いただけますと幸いです。', 'objection_timing'],
    ['現時点では検討しておりません。時期を改めてご相談させてください。', 'objection_timing'],
    ['システム更新の対応中で手が回りません。落ち着いたらこちらからご連絡します。', 'objection_timing'],
    ['既に他社のツールを導入しております。', 'objection_competitor'],
    ['昨年、別のサービスを導入しました。', 'objection_competitor'],
    ['自社開発のツールで対応しています。', 'objection_competitor'],
    ['BlackLineを利用しています。', 'objection_competitor'],
    ['私は担当ではありません。経理部の佐藤にご連絡ください。', 'referral'],
    ['担当者に転送いたしました。', 'referral'],
    ['本件は経理部の佐藤が担当しております。sato@acme.co.jp までご連絡ください。', 'referral'],
    ['担当は財務部の鈴木です。CCに入れておきます。', 'referral'],
    ['来週火曜日の14時はいかがでしょうか。', 'meeting_request'],
    ['水曜日の午後でしたら空いております。', 'meeting_request'],
    ['一度お打ち合わせのお時間をいただけますでしょうか。', 'meeting_request'],
    ['候補日をいくつかお送りください。', 'meeting_request'],
    ['Teamsの招待を送ってください。', 'meeting_request'],
    ['ぜひデモをお願いします。', 'meeting_request'],
    ['freeeと連携できますか？', 'question'],
    ['料金体系について教えてください。', 'question'],
    ['セキュリティ対策について伺いたいです。', 'question'],
    ['大変興味があります。資料をお送りいただけますか。', 'interested'],
    ['興味深い内容です。詳しく知りたいです。', 'interested'],
    ['前向きに検討したいと思います。', 'interested'],
    ['どちら様でしょうか。どこで私のメールアドレスを知ったのですか。', 'other'],
    ['ご迷惑をおかけしますが、よろしくお願いいたします。', 'other'],
    ['迷惑メールです。', 'other'],
    ['メール拝受しました。', 'other'],
    ['登録した覚えはありません。', 'other'],
    ['もう送ってこないでください。', 'unsubscribe'],
    ['メールを送るのをやめてください。', 'unsubscribe'],
    ['営業のご連絡はご遠慮ください。', 'unsubscribe'],
    ['今後、弊社へのご連絡はお控えいただけますようお願いいたします。', 'unsubscribe'],
    ['必要性を感じておりません。', 'not_interested'],
    ['費用対効果が見合わないため、導入は難しいです。', 'objection_price'],
    ['年度末で立て込んでおりますので、来期以降に改めてご相談させてください。', 'objection_timing'],
    ['現在のシステムで十分対応できております。', 'objection_competitor'],
    ['担当部署に転送いたしました。担当者よりご連絡いたします。', 'referral'],
    ['11月26日（木）の15時からでしたら可能です。', 'meeting_request'],
    ['SOC2の認証は取得されていますか。', 'question'],
    ['面白そうですね。ぜひ詳しく教えてください。', 'interested'],
    ['このアドレスへの営業メールの送信はご遠慮願います。', 'unsubscribe'],
    ['配信不要です。', 'unsubscribe'],
    ['メールマガジンの登録を解除してください。', 'unsubscribe'],
    ['当社は営業メールを一切受け付けておりません。今後の送信はお控えください。', 'unsubscribe'],
    ['弊社の情報をリストから外してください。', 'unsubscribe'],
    ['貴社からのメールは今後受け取りたくありません。', 'unsubscribe'],
    ['申し訳ございませんが、お断りいたします。', 'not_interested'],
    ['弊社では導入の予定はございません。', 'not_interested'],
    ['今期は予算が確定しておりますので、来期にまたご連絡ください。', 'objection_timing'],
    ['弊社ではすでに同様のサービスを利用しております。', 'objection_competitor'],
    ['経理の件は財務部長の山田が窓口となります。', 'referral'],
    ['来週のどこかで30分ほどオンラインでお話しできますでしょうか。', 'meeting_request'],
    ['導入までの期間はどのくらいでしょうか。', 'question'],
    ['ご提案ありがとうございます。ぜひ資料をいただけますと幸いです。', 'interested'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each<[string, boolean]>([
    ['これ以上送ってくるなら特定電子メール法違反として通報します。', true],
    ['どちら様でしょうか。どこで私のメールアドレスを知ったのですか。', true],
    ['迷惑メールです。', true],
    ['登録した覚えはありません。', true],
  ])('%j escalates: %s', async (body, escalate) => {
    expect((await classifyMessage(eml(body))).escalate).toBe(escalate);
  });

  test.each<[string, string, string | null]>([
    ['11月17日（火）～11月23日（月）まで不在にしております。11月24日（火）より出社いたします。', '自動応答: Month-end close', '2026-11-24'],
    ['出張のため、11月20日（金）まで不在にしております。戻り次第ご返信いたします。', '自動返信: x', '2026-11-20'],
    ['誠に勝手ながら、11月30日まで休暇をいただいております。ご不便をおかけしますが、よろしくお願いいたします。', '【自動返信】x', '2026-11-30'],
    ['育児休業中のため、12月1日より復帰いたします。お急ぎの場合は経理部までご連絡ください。', '不在のお知らせ', '2026-12-01'],
    ['研修に参加しております。復帰予定日：11月30日', '自動応答: x', '2026-11-30'],
    ['出張中のため、メールの確認が遅れます。', '自動応答: x', null],
    ['本日は休暇をいただいております。明日より通常通り出社いたします。', '不在通知', '2026-11-19'],
    ['出張のため不在にしております。11月30日（月）に帰社予定です。', '【不在】x', '2026-11-30'],
  ])('absence notice %j (subject %j) returns %s', async (body, subject, returnDate) => {
    const t = await classifyMessage(eml(body, { subject, headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, string, Intent]>([
    ['不在のお知らせ', '11月27日まで不在にしております。戻り次第確認のうえご連絡いたします。', 'out_of_office'],
    ['開封済み: Month-end close', 'メッセージ\n\n宛先: 田中\n件名: Month-end close\n\nは 2026年11月18日 9:31 に開封されました。', 'auto_reply_other'],
    ['【受付完了】お問い合わせありがとうございます', 'お問い合わせを受け付けました。担当者より追ってご連絡いたします。受付番号：12345', 'auto_reply_other'],
    ['Re: Month-end close', '本メールは送信専用アドレスから自動送信されています。このメールには返信できません。', 'auto_reply_other'],
    ['Re: Month-end close', '田中は退職いたしました。このメールは自動送信されています。', 'auto_reply_other'],
    ['Re: Month-end close', 'メールありがとうございます。来週は出張ですが、12月1日（火）の14時でしたら可能です。', 'meeting_request'],
  ])('without automatic headers, %j / %j is %s', async (subject, body, intent) => {
    expect((await classifyMessage(eml(body, { subject }))).intent).toBe(intent);
  });
});

