/** Application failure types raised by activities; the permanent ones are never retried. */
export const FailureType = {
  notFound: 'NotFound',
  invalidTemplate: 'InvalidTemplate',
  smtpRejected: 'SmtpPermanentRejection',
} as const;

export const nonRetryableFailureTypes: string[] = [FailureType.notFound, FailureType.invalidTemplate, FailureType.smtpRejected];
