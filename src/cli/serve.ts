/**
 * `reconcile review --store FILE --serve`: the review page on 127.0.0.1 (node:http), until
 * Ctrl-C. A thin layer: every request must carry the token printed at start-up (in the query
 * or the X-Reconcile-Token header) and name this host, or it gets 403; GET / is the page
 * (src/render/review-page.ts); POST /decisions takes one decision (src/decisions/posted.ts),
 * checks that it applies, and stores it in the store's decisions table in one transaction.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { userInfo } from 'node:os';
import * as E from 'fp-ts/lib/Either.js';
import type { Output } from '../model/contract.js';
import { reviewQueue } from '../decisions/queue.js';
import { parsePostedDecision, postedId } from '../decisions/posted.js';
import type { Decision } from '../decisions/schema.js';
import { namesFromRules } from '../render/names.js';
import { renderReviewPage, reviewPagePolicy } from '../render/review-page.js';
import type { Prepared } from './review.js';
import { EXIT, failWith } from './run.js';
import { openDuckDbStore, readStoreOutput, storeDecisions, type OpenStore } from './store/commands.js';
import type { System } from './system.js';
import { safeLine } from './terminal.js';

/** `limit`: how many items of the queue the page lists (null: all). */
export type ServeOptions = { readonly store: string; readonly port: number | null; readonly quiet: boolean; readonly limit: number | null };

/** The largest decision body accepted. */
const MAX_BODY = 64 * 1024;

type Reply = { readonly status: number; readonly type: string; readonly body: string };
const json = (status: number, v: unknown): Reply => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(v) });
const refused: Reply = { status: 403, type: 'text/plain; charset=utf-8', body: 'forbidden: this page needs the token printed when it was started\n' };

const HEADERS = {
  'Content-Security-Policy': reviewPagePolicy(), 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Resource-Policy': 'same-origin',
};

const send = (res: ServerResponse, r: Reply): void => {
  res.writeHead(r.status, { ...HEADERS, 'Content-Type': r.type, 'Content-Length': Buffer.byteLength(r.body) });
  res.end(r.body);
};

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a), y = Buffer.from(b);
  // compared in constant time, and only at equal byte lengths (a token of other characters may have
  // as many UTF-16 units but more bytes, where timingSafeEqual throws)
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The token in the query or the header, and a Host naming this server (no DNS rebinding). */
export const authorised = (req: IncomingMessage, token: string, port: number): boolean => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const given = url.searchParams.get('token') ?? String(req.headers['x-reconcile-token'] ?? '');
  const host = req.headers.host ?? '';
  return same(given, token) && (host === `127.0.0.1:${port}` || host === `localhost:${port}`);
};

const readBody = (req: IncomingMessage): Promise<string | null> => new Promise((resolve, reject) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => { size += c.length; if (size <= MAX_BODY) chunks.push(c); });
  req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
  req.on('error', reject);
});

/** What the page shows, and how a decision changes it: the store read again with it applied. */
type Review = {
  readonly page: () => string;
  readonly decide: (d: Decision) => Promise<Reply>;
};

const reviewState = (sys: System, opts: ServeOptions, prepared: Prepared, open: OpenStore, first: Output): Review => {
  const { rules, hash } = prepared;
  const file = prepared.decisions ?? [];
  const names = namesFromRules(rules);
  const actors = rules.actors.map((a) => a.id);
  const reviewer = (() => { try { return userInfo().username; } catch { return ''; } })();
  let output = first;
  const queueOf = (o: Output) => { const all = reviewQueue(rules)(o); return opts.limit === null ? all : all.slice(0, opts.limit); };
  let queue = queueOf(output);
  let page: string | null = null;
  const decide = async (d: Decision): Promise<Reply> => {
    const next = await readStoreOutput(sys, open)({ store: opts.store, rules, hash, decisions: [...file, d], quiet: true });
    if (E.isLeft(next)) return json(503, { ok: false, problems: [next.left] });
    const status = next.right.decisions?.find((s) => s.id === d.id);
    if (status?.status !== 'applied') return json(422, { ok: false, problems: [`decision ${d.id} would not apply: ${status?.message ?? 'it reached no incident'}`] });
    const store = await open(opts.store, { create: false });
    if (E.isLeft(store)) return json(503, { ok: false, problems: [store.left.message] });
    try { await storeDecisions(store.right, [d]); } finally { store.right.close(); }
    output = next.right;
    queue = queueOf(output);
    page = null;
    return json(200, { ok: true, id: d.id, status: status.status, incidents: status.incidentIds });
  };
  return { page: () => (page ??= renderReviewPage({ output, queue, store: opts.store, reviewer, actors, names })), decide };
};

/** One decision posted: parsed, validated by its kind, then decided (one at a time). */
const postDecision = async (req: IncomingMessage, review: Review): Promise<Reply> => {
  if (!/^application\/json\b/.test(String(req.headers['content-type'] ?? ''))) return json(415, { ok: false, problems: ['send the decision as application/json'] });
  const text = await readBody(req);
  if (text === null) return json(413, { ok: false, problems: [`a decision is at most ${MAX_BODY} bytes`] });
  let body: unknown;
  try { body = JSON.parse(text); } catch { return json(400, { ok: false, problems: ['the body is not JSON'] }); }
  const now = new Date();
  const parsed = parsePostedDecision(body, { id: postedId(now, randomBytes(3).toString('hex')), when: now.toISOString() });
  if (E.isLeft(parsed)) return json(400, { ok: false, problems: parsed.left });
  return review.decide(parsed.right);
};

/** The request handler: refuse, route, reply; decisions are taken one after another. */
const handler = (review: Review, token: string, port: () => number, sys: System) => {
  let queue: Promise<unknown> = Promise.resolve();
  const route = async (req: IncomingMessage): Promise<Reply> => {
    if (!authorised(req, token, port())) return refused;
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method === 'GET' && path === '/') return { status: 200, type: 'text/html; charset=utf-8', body: review.page() };
    if (req.method === 'POST' && path === '/decisions') {
      const turn = queue.then(() => postDecision(req, review));
      queue = turn.catch(() => undefined);
      return turn;
    }
    return json(404, { ok: false, problems: [`nothing at ${req.method ?? ''} ${path}`] });
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req).then((r) => send(res, r), (e: unknown) => {
      sys.stderr(`${safeLine(`reconcile: review page: ${e instanceof Error ? e.message : String(e)}`)}\n`);
      send(res, json(500, { ok: false, problems: ['the server failed; see its terminal'] }));
    });
  };
};

const listen = (server: Server, port: number): Promise<E.Either<string, number>> => new Promise((resolve) => {
  server.once('error', (e: NodeJS.ErrnoException) => resolve(E.left(e.code === 'EADDRINUSE' ? `port ${port} is taken; give another with --port, or none for a free one` : `cannot listen: ${e.message}`)));
  server.listen(port, '127.0.0.1', () => {
    const a = server.address();
    resolve(E.right(typeof a === 'object' && a !== null ? a.port : port));
  });
});

/** Until SIGINT or SIGTERM: then the server stops taking requests and closes every connection. */
const untilStopped = (server: Server): Promise<void> => new Promise((resolve) => {
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    server.close(() => resolve());
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});

export const serveReview = async (sys: System, opts: ServeOptions, prepared: Prepared, open: OpenStore = openDuckDbStore): Promise<number> => {
  const fail = failWith(sys);
  const first = await readStoreOutput(sys, open)({ store: opts.store, rules: prepared.rules, hash: prepared.hash, decisions: prepared.decisions ?? [], quiet: opts.quiet });
  if (E.isLeft(first)) return fail(first.left);
  const token = randomBytes(24).toString('hex');
  let port = opts.port ?? 0;
  const server = createServer(handler(reviewState(sys, opts, prepared, open, first.right), token, () => port, sys));
  const listening = await listen(server, port);
  if (E.isLeft(listening)) return fail(listening.left);
  port = listening.right;
  sys.stdout(`review page: http://127.0.0.1:${port}/?token=${token}\n`);
  if (!opts.quiet) sys.stderr('review page: serving 127.0.0.1 only; open the address above; Ctrl-C stops it\n');
  await untilStopped(server);
  if (!opts.quiet) sys.stderr('review page: stopped\n');
  return EXIT.ok;
};
