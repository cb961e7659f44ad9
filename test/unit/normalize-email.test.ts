import { cleanEmail, emailDomain, normalizeEmail } from '../../db/repositories/prospects';
import { enrollmentRuleMatches, routingRuleMatches } from '../../db/repositories/routing';

describe('normalizeEmail: the dedupe key of a person', () => {
  test.each([
    ['  Pat.Lee@Acme.TEST ', 'pat.lee@acme.test'],
    ['pat.lee+webinar@acme.test', 'pat.lee@acme.test'],
    ['Pat.Lee+Pricing+Q3@acme.test', 'pat.lee@acme.test'],
    ['Pat.Smith@gmail.com', 'patsmith@gmail.com'],
    ['p.a.t.smith+news@GMail.com', 'patsmith@gmail.com'],
    ['pat.smith@googlemail.com', 'patsmith@gmail.com'],
    ['PatSmith+x@GoogleMail.com', 'patsmith@gmail.com'],
    // Dots are significant everywhere but Gmail.
    ['pat.smith@outlook.com', 'pat.smith@outlook.com'],
    ['pat.smith@mail.gmail.com.example', 'pat.smith@mail.gmail.com.example'],
    // A leading plus is not a tag; an address without @ is only cleaned.
    ['+pat@acme.test', '+pat@acme.test'],
    ['Not-An-Address ', 'not-an-address'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  test('every spelling of one Gmail user has the same key', () => {
    const spellings = ['Pat.Smith@gmail.com', 'patsmith@gmail.com', 'PAT.SMITH+demo@googlemail.com', ' p.atsmith+a+b@Gmail.Com'];
    expect(new Set(spellings.map(normalizeEmail))).toEqual(new Set(['patsmith@gmail.com']));
  });

  test('cleanEmail keeps the address as given (tags and dots), only trimmed and lower-cased', () => {
    expect(cleanEmail(' Pat.Smith+Demo@GMail.com ')).toBe('pat.smith+demo@gmail.com');
  });

  test('emailDomain is the domain as given, for domain suppressions', () => {
    expect(emailDomain(' Pat+x@Acme.TEST')).toBe('acme.test');
    expect(emailDomain('pat@googlemail.com')).toBe('googlemail.com');
    expect(emailDomain('nobody')).toBe('');
  });
});

describe('rule matching', () => {
  test('a routing rule matches countries, regions, segments and industries case-insensitively, and employee bounds', () => {
    const lead = { country: 'de', region: 'EMEA', segment: 'Enterprise', industry: 'Logistics', employeeCount: 800 };
    expect(routingRuleMatches({}, lead)).toBe(true);
    expect(routingRuleMatches({ countries: ['DE', 'FR'], segments: ['enterprise'] }, lead)).toBe(true);
    expect(routingRuleMatches({ regions: ['emea'], industries: ['logistics'], minEmployees: 500, maxEmployees: 1000 }, lead)).toBe(true);
    expect(routingRuleMatches({ countries: ['US'] }, lead)).toBe(false);
    expect(routingRuleMatches({ countries: ['DE'], segments: ['smb'] }, lead)).toBe(false);
    expect(routingRuleMatches({ minEmployees: 1000 }, lead)).toBe(false);
    expect(routingRuleMatches({ maxEmployees: 200 }, lead)).toBe(false);
    expect(routingRuleMatches({ countries: [] }, lead)).toBe(false);
    expect(routingRuleMatches({ countries: ['DE'] }, { ...lead, country: null })).toBe(false);
    expect(routingRuleMatches({ minEmployees: 1 }, { ...lead, employeeCount: null })).toBe(false);
  });

  test('an enrollment rule matches a string or any of a list, case-insensitively', () => {
    expect(enrollmentRuleMatches({}, { formId: 'anything' })).toBe(true);
    expect(enrollmentRuleMatches({ formId: ['pricing', 'demo'] }, { formId: 'Demo' })).toBe(true);
    expect(enrollmentRuleMatches({ asset: 'state-of-sales-2026.pdf' }, { asset: 'State-of-Sales-2026.PDF' })).toBe(true);
    expect(enrollmentRuleMatches({ formId: ['pricing'] }, { formId: 'newsletter' })).toBe(false);
    expect(enrollmentRuleMatches({ formId: ['pricing'] }, {})).toBe(false);
    expect(enrollmentRuleMatches({ formId: 'pricing', source: 'website' }, { formId: 'pricing', source: 'partner' })).toBe(false);
  });
});
