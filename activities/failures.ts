/** Application failure types raised by activities; the permanent ones are never retried. */
export const FailureType = {
  notFound: 'NotFound',
  invalidTemplate: 'InvalidTemplate',
  smtpRejected: 'SmtpPermanentRejection',
  /** A drafting model that may come back (rate limit, 5xx, timeout): retried with backoff, then the template. */
  aiUnavailable: 'AiUnavailable',
} as const;

export const nonRetryableFailureTypes: string[] = [FailureType.notFound, FailureType.invalidTemplate, FailureType.smtpRejected];
