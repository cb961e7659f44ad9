import { createSmtpMailer } from '../../activities/mailer';
import type { Mailer, OutgoingMail } from '../../activities/deps';
import { CaptureSmtpServer } from '../../scripts/capture-smtp';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

// The worker keeps SMTP sessions open between messages (a handshake per message otherwise), and every message still
// reaches the server once: a session the server dropped while idle is replaced without losing or doubling the
// message, and a session whose hand-off refused the end of the message is never used again.

let smtp: CaptureSmtpServer;
let proxy: TcpProxy;
let connects = 0;
const mailers: Mailer[] = [];

beforeAll(async () => {
  smtp = new CaptureSmtpServer({
    onConnect: () => void connects++,
    onRcptTo: (address) => {
      if (address.address.startsWith('refused')) throw Object.assign(new Error('no such mailbox'), { responseCode: 550 });
    },
  });
  const port = await smtp.listen(0);
  proxy = await startTcpProxy(`127.0.0.1:${port}`);
});

afterAll(async () => {
  mailers.forEach((m) => m.close?.());
  await proxy?.close();
  await smtp?.close();
});

beforeEach(() => {
  connects = 0;
  smtp.messages.splice(0);
});

function mailer(): Mailer {
  const m = createSmtpMailer({ url: `smtp://${proxy.address}` });
  mailers.push(m);
  return m;
}

let sequence = 0;
function mail(): OutgoingMail {
  const n = ++sequence;
  return { from: { name: 'Dana Rep', address: 'dana@seller.test' }, to: `pat${n}@acme.test`, subject: `Message ${n}`, text: `Body ${n}`, messageId: `<m${n}@cadence.test>` };
}

const received = () => smtp.messages.map((m) => m.messageId);

test('messages one after another share one SMTP session, each delivered once', async () => {
  const m = mailer();
  const sent = [mail(), mail(), mail()];
  for (const message of sent) expect((await m.send(message)).accepted).toEqual([message.to]);
  expect(received()).toEqual(sent.map((s) => s.messageId));
  expect(connects).toBe(1);
});

test('messages sent at once each take a session of their own, and those sessions are used again', async () => {
  const m = mailer();
  await Promise.all([mail(), mail(), mail()].map((message) => m.send(message)));
  expect(connects).toBe(3);
  await Promise.all([mail(), mail(), mail()].map((message) => m.send(message)));
  expect(connects).toBe(3);
  expect(new Set(received()).size).toBe(6);
});

test('a session the server dropped while idle, unnoticed until the next command: that message goes out once, on a new session', async () => {
  const m = mailer();
  const first = mail();
  await m.send(first);
  proxy.severOnNextWrite();
  const second = mail();
  let handedOff = 0;
  expect((await m.send(second, { beforeEndOfData: async () => void handedOff++ })).accepted).toEqual([second.to]);
  expect(received()).toEqual([first.messageId, second.messageId]);
  expect(handedOff).toBe(1);
  expect(connects).toBe(2);
});

test('a hand-off that refuses the end of the message: nothing is delivered, and that session is not used again', async () => {
  const m = mailer();
  await m.send(mail());
  await expect(m.send(mail(), { beforeEndOfData: () => Promise.reject(new Error('the prospect replied')) })).rejects.toThrow('the prospect replied');
  const after = mail();
  await m.send(after);
  expect(received()).toHaveLength(2);
  expect(received()[1]).toBe(after.messageId);
  expect(connects).toBe(2);
});

test('a recipient the server refuses fails that message (its code kept) and closes its session; the next one is delivered', async () => {
  const m = mailer();
  await m.send(mail());
  await expect(m.send({ ...mail(), to: 'refused@acme.test' })).rejects.toMatchObject({ responseCode: 550 });
  const next = mail();
  await m.send(next);
  expect(received()).toHaveLength(2);
  expect(received()[1]).toBe(next.messageId);
  expect(connects).toBe(2);
});
