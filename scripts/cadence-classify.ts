// `cadence classify-reply [--json]`: reads one raw RFC 5322 message on standard input and prints its triage as
// one line of JSON with exactly four fields: {"intent","sentiment","escalate","returnDate"}.
//
//   cadence classify-reply < reply.eml
//   {"intent":"out_of_office","sentiment":"neutral","escalate":false,"returnDate":"2026-11-30"}
//
// Exit codes: 0 classified, 1 no input or the message could not be read, 2 bad usage.
import { classifyMessage } from '../activities/triage';

export const CLASSIFY_USAGE = `usage: cadence classify-reply [--json] < message.eml

Reads one raw email message (RFC 5322, with its headers) on standard input and
prints one line of JSON: {"intent","sentiment","escalate","returnDate"}.
--json is accepted for clarity; JSON is the only output format.`;

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export async function classifyReplyCommand(
  argv: string[],
  stdin: NodeJS.ReadableStream,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  for (const arg of argv) {
    if (arg === '--json') continue;
    if (arg === '--help' || arg === '-h') {
      stdout.write(`${CLASSIFY_USAGE}\n`);
      return 0;
    }
    stderr.write(`cadence classify-reply: ${arg.startsWith('-') ? `unknown option "${arg}"` : `unexpected argument "${arg}"`}\n\n${CLASSIFY_USAGE}\n`);
    return 2;
  }

  let raw: Buffer;
  try {
    raw = await readAll(stdin);
  } catch (err) {
    stderr.write(`cadence classify-reply: could not read standard input: ${(err as Error).message}\n`);
    return 1;
  }
  if (raw.toString('utf8').trim() === '') {
    stderr.write('cadence classify-reply: no message on standard input (pipe one raw .eml message in)\n');
    return 1;
  }

  try {
    const t = await classifyMessage(raw);
    stdout.write(`${JSON.stringify({ intent: t.intent, sentiment: t.sentiment, escalate: t.escalate, returnDate: t.returnDate })}\n`);
    return 0;
  } catch (err) {
    stderr.write(`cadence classify-reply: could not classify the message: ${(err as Error).message}\n`);
    return 1;
  }
}
