/**
 * A decision posted by the review page (`review --serve`): one decision as JSON, in the
 * decisions file's schema (schema.ts), validated by its kind. The page may leave out `id`
 * and `when`; the server fills them in (it has the clock). Pure.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { z } from 'zod';
import { DECISION_KINDS, SCHEMAS, type Decision } from './schema.js';

/** What the server fills in when the page leaves it out. */
export type Filled = { readonly id: string; readonly when: string };

const pathText = (path: readonly PropertyKey[]): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');

/** The decision, or every problem with it (`set.value: expected a number`), one line each. */
export const parsePostedDecision = (body: unknown, fill: Filled): E.Either<readonly string[], Decision> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return E.left(['expected one decision: a JSON object']);
  const raw = body as Record<string, unknown>;
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(DECISION_KINDS as readonly string[]).includes(kind)) {
    return E.left([`expected kind: one of ${DECISION_KINDS.join(', ')}${typeof kind === 'string' ? ` (not '${kind}')` : ''}`]);
  }
  const full = { ...raw, id: raw.id ?? fill.id, when: raw.when ?? fill.when };
  const r = (SCHEMAS[kind as keyof typeof SCHEMAS] as z.ZodTypeAny).safeParse(full);
  if (!r.success) return E.left(r.error.issues.map((i) => `${kind}: ${i.path.length ? `${pathText(i.path)}: ` : ''}${i.message}`));
  return E.right({ ...(r.data as Decision), location: `review page decision ${String(full.id)}` });
};

/** A fresh id for a decision made on the page: `web-20240501T101500Z-3f9a` (the time and a random suffix). */
export const postedId = (at: Date, random: string): string => `web-${at.toISOString().replace(/[-:]|\.\d+/g, '')}-${random}`;
