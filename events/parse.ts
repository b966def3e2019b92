// Runs a zod schema over an event and turns its issues into an EventParseError that names each problem.
import type * as z from 'zod';
import { EventParseError } from '../controller/errors';

export const parseWith = <S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> => {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new EventParseError(result.error.issues.map((i) => `${what}${i.path.length > 0 ? `.${i.path.join('.')}` : ''}: ${i.message}`), { cause: result.error });
};
