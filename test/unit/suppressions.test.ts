import {
  normalizeSuppressionValue,
  parseCsvRecords,
  parseSuppressionRows,
  SuppressionInputError,
} from '../../db/repositories/suppressions';

describe('suppression import parsing', () => {
  test('CSV with a header, quoted fields (commas, quotes, line breaks) and blank lines', () => {
    const csv = [
      'value,reason,kind',
      '"Pat.Smith+news@GMAIL.com",unsubscribed,',
      '"Acme, Inc.",competitor,domain',
      '',
      'rival.example,competitor,',
      '"say ""hi""@x.test",bounced,address',
    ].join('\r\n');
    const parsed = parseSuppressionRows({ csv });
    expect(parsed.total).toBe(4);
    expect(parsed.rows).toEqual([
      { line: 2, kind: 'address', value: 'patsmith@gmail.com', reason: 'unsubscribed' },
      { line: 5, kind: 'domain', value: 'rival.example', reason: 'competitor' },
    ]);
    expect(parsed.rejected).toEqual([
      { line: 3, value: 'Acme, Inc.', errors: ['value: "Acme, Inc." is not a domain such as example.com'] },
      { line: 6, value: 'say "hi"@x.test', errors: ['value: "say "hi"@x.test" is not an email address'] },
    ]);
    expect(parseCsvRecords('a,b\n"multi\nline",c\nd,e\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  test('CSV columns in any order, kind optional; bad rows name the field and keep their file line', () => {
    const csv = ['reason,value', 'do-not-contact,ceo@big.example', 'closed-lost,', 'nope,lost.example', 'Closed-Lost, Lost.Example. ', 'bounced,a@b.example,extra'].join('\n');
    const parsed = parseSuppressionRows({ csv });
    expect(parsed.rows).toEqual([
      { line: 2, kind: 'address', value: 'ceo@big.example', reason: 'do-not-contact' },
      { line: 5, kind: 'domain', value: 'lost.example', reason: 'closed-lost' },
    ]);
    expect(parsed.rejected.map((r) => [r.line, r.errors.join('; ')])).toEqual([
      [3, 'value: is required (an email address or a domain)'],
      [4, expect.stringMatching(/^reason: must be one of do-not-contact, unsubscribed/)],
      [6, expect.stringMatching(/^row: 3 fields; the header has 2/)],
    ]);
  });

  test('a CSV without a usable header is refused as a whole', () => {
    expect(() => parseSuppressionRows({ csv: '' })).toThrow(SuppressionInputError);
    expect(() => parseSuppressionRows({ csv: 'email,why\nx@y.test,bounced' })).toThrow(/unknown column/);
    expect(() => parseSuppressionRows({ csv: 'value\nx@y.test' })).toThrow(/no "reason" column/);
    expect(() => parseSuppressionRows({ csv: 'value,reason\n"open,bounced' })).toThrow(/never closed/);
  });

  test('JSON rows: an array or { rows }, line = index + 1, kind inferred or given', () => {
    const parsed = parseSuppressionRows({
      json: {
        rows: [
          { value: ' @Competitor.Example ', reason: 'competitor' },
          { value: 'Jo@Example.com', reason: 'complained' },
          { value: 'jo@example.com', reason: 'complained', kind: 'domain' },
          { value: 'example.com', reason: 'bounced', kind: 'address' },
          { value: 'x@y.test', reason: 'bounced', extra: 1 },
          'not an object',
          { reason: 'bounced' },
        ],
      },
    });
    expect(parsed.rows).toEqual([
      { line: 1, kind: 'domain', value: 'competitor.example', reason: 'competitor' },
      { line: 2, kind: 'address', value: 'jo@example.com', reason: 'complained' },
    ]);
    expect(parsed.rejected.map((r) => [r.line, r.value, r.errors])).toEqual([
      [3, 'jo@example.com', ['value: "jo@example.com" is not a domain such as example.com']],
      [4, 'example.com', ['value: "example.com" is not an email address']],
      [5, 'x@y.test', ['unknown field(s): extra']],
      [6, null, [expect.stringMatching(/^row: /)]],
      [7, null, ['value: is required']],
    ]);
    expect(parseSuppressionRows({ jsonText: '[{"value":"a.example","reason":"bounced"}]' }).rows).toHaveLength(1);
    expect(() => parseSuppressionRows({ jsonText: '{"value":' })).toThrow(/malformed JSON/);
    expect(() => parseSuppressionRows({ json: { value: 'x' } })).toThrow(SuppressionInputError);
  });

  test('values are normalized as stored; too many rows are refused', () => {
    expect(normalizeSuppressionValue('address', ' First.Last+promo@GoogleMail.com ')).toBe('firstlast@gmail.com');
    expect(normalizeSuppressionValue('domain', 'Sub.Example.COM.')).toBe('sub.example.com');
    expect(() => parseSuppressionRows({ json: Array.from({ length: 10_001 }, () => ({ value: 'a.example', reason: 'bounced' })) })).toThrow(/at most 10000/);
  });
});
