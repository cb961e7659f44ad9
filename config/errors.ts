import type { z } from 'zod';

/** A configuration value is missing or invalid; the message names it. Start-up code prints it and exits. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
