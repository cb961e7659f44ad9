import { classifyMessage, type Intent } from '../../activities/triage';

function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 +0300' } = {}): string {
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

describe('Russian replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    ['Удалите меня из списка рассылки.', 'unsubscribe'],
    ['Прошу исключить мой адрес из вашей базы.', 'unsubscribe'],
    ['Отпишите меня, пожалуйста.', 'unsubscribe'],
    ['Больше не пишите мне.', 'unsubscribe'],
    ['Не присылайте мне больше писем.', 'unsubscribe'],
    ['Прекратите рассылку.', 'unsubscribe'],
    ['Не хочу больше получать ваши письма.', 'unsubscribe'],
    ['Отзываю согласие на обработку персональных данных (152-ФЗ).', 'unsubscribe'],
    ['Если не прекратите, пожалуюсь в Роскомнадзор.', 'unsubscribe'],
    ['Нам это не интересно, удалите нас из базы.', 'unsubscribe'],
    ['Нет, спасибо.', 'not_interested'],
    ['Нам это не интересно.', 'not_interested'],
    ['Не актуально для нас.', 'not_interested'],
    ['Не нужно.', 'not_interested'],
    ['Слишком дорого для нас.', 'objection_price'],
    ['Нет бюджета на это.', 'objection_price'],
    ['Не можем себе позволить.', 'objection_price'],
    ['Не сейчас. Напишите в марте.', 'objection_timing'],
    ['Сейчас заняты закрытием года, свяжитесь после нового года.', 'objection_timing'],
    ['Может быть позже.', 'objection_timing'],
    ['Мы уже используем 1С и довольны.', 'objection_competitor'],
    ['У нас уже есть своё решение.', 'objection_competitor'],
    ['Выбрали другого поставщика.', 'objection_competitor'],
    ['Я этим не занимаюсь, обратитесь к нашему финансовому директору.', 'referral'],
    ['Переслал ваше письмо коллеге из бухгалтерии.', 'referral'],
    ['Этим занимается наш главный бухгалтер.', 'referral'],
    ['Давайте созвонимся во вторник в 15:00.', 'meeting_request'],
    ['Среда подходит. Пришлите приглашение.', 'meeting_request'],
    ['Когда вам удобно?', 'meeting_request'],
    ['Хотел бы уточнить, работает ли это с 1С.', 'question'],
    ['Подскажите, сколько стоит для 20 пользователей.', 'question'],
    ['Звучит интересно, пришлите подробную информацию.', 'interested'],
    ['Интересно. Расскажите подробнее.', 'interested'],
    ['Кто вы и откуда у вас мой адрес?', 'other'],
    ['Это спам.', 'other'],
    ['Интересно, откуда у вас мой адрес?', 'other'],
    ['Прошу больше не присылать мне предложения.', 'unsubscribe'],
    ['Уберите мой адрес из базы.', 'unsubscribe'],
    ['Спасибо, нет.', 'not_interested'],
    ['Вернёмся к этому вопросу в следующем году.', 'objection_timing'],
    ['Нас устраивает текущая система.', 'objection_competitor'],
    ['Вы обратились не по адресу.', 'referral'],
    ['Давайте созвонимся завтра в 11.', 'meeting_request'],
    ['Ваше письмо получено, переслал коллеге из бухгалтерии.', 'referral'],
    ['Вы мне уже третий раз пишете. Удалите мой адрес.', 'unsubscribe'],
    ['Я не давал согласия на рассылку, прошу удалить мои данные.', 'unsubscribe'],
    ['Благодарю, но нам это не требуется.', 'not_interested'],
    ['Бюджет на этот год уже исчерпан.', 'objection_price'],
    ['Мы давно работаем на 1С, нас всё устраивает.', 'objection_competitor'],
    ['Этим у нас занимается финансовый директор, пишите ему напрямую: cfo@acme.ru.', 'referral'],
    ['Можем созвониться в четверг после обеда.', 'meeting_request'],
    ['Подскажите, есть ли интеграция с 1С?', 'question'],
    ['Было бы интересно посмотреть, пришлите презентацию.', 'interested'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each<[string, boolean]>([
    ['Если не прекратите, пожалуюсь в Роскомнадзор.', true],
    ['Кто вы и откуда у вас мой адрес?', true],
    ['Это спам.', true],
    ['Интересно, откуда у вас мой адрес?', true],
  ])('%j escalates: %s', async (body, escalate) => {
    expect((await classifyMessage(eml(body))).escalate).toBe(escalate);
  });

  test.each<[string, string, string | null]>([
    ['Я в отпуске до 30 ноября.', 'Автоматический ответ: Month-end close', '2026-11-30'],
    ['Нахожусь в командировке с 17 по 27 ноября. Вернусь 1 декабря.', 'Автоответ: x', '2026-12-01'],
    ['Спасибо за письмо. Я на больничном по 27 ноября. По срочным вопросам обращайтесь к ivan@acme.ru.', 'Автоматический ответ: x', '2026-11-27'],
    ['Я вне офиса, доступ к почте ограничен.', 'Автоматический ответ: x', null],
    ['Добрый день! С 20 по 30 ноября я нахожусь в отпуске. Выйду на работу 1 декабря.', 'Автоматический ответ: x', '2026-12-01'],
    ['Я в командировке до 27 ноября включительно, доступ к почте ограничен.', 'Вне офиса', '2026-11-27'],
  ])('absence notice %j (subject %j) returns %s', async (body, subject, returnDate) => {
    const t = await classifyMessage(eml(body, { subject, headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, string, Intent]>([
    ['Отсутствие', 'Я в отпуске до 27 ноября. По срочным вопросам обращайтесь к коллеге.', 'out_of_office'],
    ['Re: Month-end close', 'Это автоматическое сообщение. Данный ящик не проверяется.', 'auto_reply_other'],
    ['Автоматический ответ: Re: Month-end close', 'Ваше обращение получено. Номер обращения 12345.', 'auto_reply_other'],
  ])('without automatic headers, %j / %j is %s', async (subject, body, intent) => {
    expect((await classifyMessage(eml(body, { subject }))).intent).toBe(intent);
  });
});

