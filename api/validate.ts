import type { z } from 'zod';
import { zodToHttpError } from './errors';

export function parse<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw zodToHttpError(result.error, where);
  return result.data;
}
