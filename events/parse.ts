// Runs a zod schema over an event and turns its issues into an EventParseError that names each problem.
// The event schemas use zod/mini: classic zod gives every schema instance its ~50 methods at construction, which was
// most of the events' share of a cold start (README, "Bundles"); mini starts with no locale, so English is set here.
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { EventParseError } from '../controller/errors';

z.config(en());

export const parseWith = <S extends z.core.$ZodType>(schema: S, raw: unknown, what: string): z.output<S> => {
  const result = z.safeParse(schema, raw);
  if (result.success) return result.data;
  throw new EventParseError(result.error.issues.map((i) => `${what}${i.path.length > 0 ? `.${i.path.join('.')}` : ''}: ${i.message}`), { cause: result.error });
};
