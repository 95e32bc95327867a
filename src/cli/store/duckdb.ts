/**
 * ADAPTER (IO, shell only): the incident store in one embedded DuckDB file through
 * @duckdb/node-api. Implements the IncidentStore port over the plain tables of
 * src/store/tables.ts; a change set is one transaction (all of it or none, even when killed).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  DuckDBInstance, LIST, VARCHAR, dateValue, listValue, timestampValue, type DuckDBAppender, type DuckDBConnection, type DuckDBValue,
} from '@duckdb/node-api';
import { dayNumber } from '../../cluster/dates.js';
import type { Incident } from '../../model/contract.js';
import type { Mention } from '../../model/claim.js';
import type { Report } from '../../model/report.js';
import type { FeatureRecord } from '../../store/features.js';
import type { ChangeSet, DecisionChange, DecisionRecord, HistoryRecord, IncidentStore, LoadedMention, StoreMeta, StoredReport } from '../../store/port.js';
import { STORE_SCHEMA_VERSION } from '../../store/port.js';
import { ANY_PLACE } from '../../store/probe.js';
import {
  INCIDENT_TABLES, TABLES, claimRow, incidentRows, mentionKeyRows, mentionRow, reportRow, type Row, type TableName, type Value,
} from '../../store/tables.js';

export type StoreOpenError = {
  readonly code: 'no-store' | 'not-a-store' | 'in-use' | 'newer-schema' | 'unreadable';
  readonly message: string;
};

export type DuckDbStore = IncidentStore & { readonly close: () => void };

const ddl = (name: TableName): string =>
  `CREATE TABLE IF NOT EXISTS ${name} (${TABLES[name].map((c) => `${c.name} ${c.type}`).join(', ')})`;

/** Why DuckDB could not open the file, in plain words. */
const openError = (path: string, e: unknown): StoreOpenError => {
  const m = e instanceof Error ? e.message : String(e);
  if (/Could not set lock|Conflicting lock/i.test(m)) return { code: 'in-use', message: `the store ${path} is in use by another process (DuckDB allows one writer); try again when it has finished` };
  if (/not a valid DuckDB database|Unrecognized|magic/i.test(m)) return { code: 'not-a-store', message: `${path} is not a DuckDB database, so not an incident store` };
  if (/newer version|version number|storage version/i.test(m)) return { code: 'newer-schema', message: `${path} was written by a newer DuckDB than this reconcile uses; upgrade reconcile` };
  if (/permission denied/i.test(m)) return { code: 'unreadable', message: `cannot open the store ${path}: permission denied` };
  if (/No such file or directory/i.test(m)) return { code: 'unreadable', message: `cannot create the store ${path}: no such directory: ${dirname(path)}` };
  return { code: 'unreadable', message: `cannot open the store ${path}: ${m.replace(/^[A-Za-z ]+Error: /, '').split('\n')[0]}` };
};

const append = (a: DuckDBAppender, types: readonly string[], rows: readonly Row[]): void => {
  for (const row of rows) {
    row.forEach((v: Value, k) => {
      if (v === null) { a.appendNull(); return; }
      switch (types[k]) {
        case 'INTEGER': a.appendInteger(v as number); break;
        case 'BOOLEAN': a.appendBoolean(v as boolean); break;
        case 'DATE': a.appendDate(dateValue(dayNumber(v as string))); break;
        case 'TIMESTAMP': a.appendTimestamp(timestampValue(BigInt(Date.parse(v as string)) * 1000n)); break;
        case 'VARCHAR[]': a.appendList(listValue([...(v as readonly string[])]), LIST(VARCHAR)); break;
        default: a.appendVarchar(String(v));
      }
    });
    a.endRow();
  }
};

const strings = (xs: readonly string[]): DuckDBValue => listValue([...xs]);

type Rec = Record<string, unknown>;

export type DuckDbOptions = {
  /** create the file when missing (add) or refuse (export) */
  readonly create: boolean;
  /** the clock for the history (default: the system clock) */
  readonly now?: () => Date;
  /** called inside the transaction with everything written, just before COMMIT (the crash test kills the process there) */
  readonly beforeCommit?: () => Promise<void>;
  /**
   * Fault injection: called before each statement of a change set (BEGIN to COMMIT, each
   * table appended counted as one), numbered from 1. The crash-safety tests throw or kill
   * the process at every step and check the store is as before or holds the whole add.
   */
  readonly beforeWrite?: (step: number, statement: string) => void | Promise<void>;
};

export const openDuckDbStore = async (path: string, opts: DuckDbOptions): Promise<E.Either<StoreOpenError, DuckDbStore>> => {
  if (!existsSync(path)) {
    if (!opts.create) return E.left({ code: 'no-store', message: `no store at ${path} (reconcile add --store ${path} creates one)` });
  } else if (!statSync(path).isFile()) return E.left({ code: 'unreadable', message: `${path} is not a file` });
  let instance: DuckDBInstance, c: DuckDBConnection;
  try {
    instance = await DuckDBInstance.create(path);
    c = await instance.connect();
  } catch (e) {
    return E.left(openError(path, e));
  }
  const close = (): void => { c.closeSync(); instance.closeSync(); };
  const rows = async (sql: string, params: DuckDBValue[] = []): Promise<Rec[]> => {
    // Columns, then rows: cheaper than the reader's row objects for thousands of JSON rows.
    const cols = (await c.runAndReadAll(sql, params)).getColumnsObjectJS() as Record<string, unknown[]>;
    const names = Object.keys(cols);
    const n = names.length ? cols[names[0]!]!.length : 0;
    return Array.from({ length: n }, (_, k) => Object.fromEntries(names.map((name) => [name, cols[name]![k]])));
  };
  const tables = new Set((await rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")).map((r) => String(r.table_name)));
  let ready = tables.has('meta');
  if (tables.size > 0 && !ready) { close(); return E.left({ code: 'not-a-store', message: `${path} is a DuckDB database but not an incident store (it has no meta table)` }); }
  const metaOf = async (): Promise<StoreMeta> => {
    if (!ready) return { schemaVersion: STORE_SCHEMA_VERSION, rulesHash: null, batches: 0 };
    const m = new Map((await rows('SELECT key, value FROM meta')).map((r) => [String(r.key), r.value === null ? null : String(r.value)]));
    return { schemaVersion: Number(m.get('schema_version') ?? 0), rulesHash: m.get('rules_hash') ?? null, batches: Number(m.get('batches') ?? 0) };
  };
  const meta = await metaOf();
  if (meta.schemaVersion > STORE_SCHEMA_VERSION) {
    close();
    return E.left({ code: 'newer-schema', message: `the store ${path} was written by a newer reconcile (store schema ${meta.schemaVersion}; this version reads up to ${STORE_SCHEMA_VERSION}); upgrade reconcile` });
  }

  const loadedMention = (r: Rec): LoadedMention => ({
    mention: JSON.parse(String(r.mention)) as Mention, component: String(r.component), incidentId: r.incident_id === null ? null : String(r.incident_id),
  });
  const storedReport = (r: Rec): StoredReport => {
    const x = JSON.parse(String(r.extraction)) as Pick<StoredReport, 'aggregates' | 'looseStances' | 'warnings' | 'readWarnings'>;
    return { report: { ...(JSON.parse(String(r.record)) as Omit<Report, 'text'>), text: r.text === null ? null : String(r.text) }, contentHash: String(r.content_hash), ...x };
  };
  const MENTION = 'SELECT mention, component, incident_id FROM mentions';
  const REPORT = 'SELECT record, text, content_hash, extraction FROM reports ORDER BY id';
  const none = <T>(x: T) => async (): Promise<T> => x;

  const candidates: IncidentStore['candidates'] = async (probe) => {
    if (!ready || probe.mentions.length === 0) return [];
    const margin = probe.dateMargin;
    const date = margin === null ? [] : probe.mentions.flatMap((n) => (n.days ? n.seeks.map((k) => [k, n.days!.start - margin, n.days!.end + margin] as const) : []));
    const place = probe.place === 'none' ? [] : probe.mentions.flatMap((n) => n.placeIds.map((k) => [k, n.days === null] as const));
    const found = await rows(`
      SELECT features, component FROM mentions WHERE id IN (
      WITH p AS (SELECT unnest($1::VARCHAR[]) AS key, unnest($2::INTEGER[]) AS lo, unnest($3::INTEGER[]) AS hi),
           spans AS (SELECT DISTINCT lo, hi FROM p),
           wild AS (SELECT DISTINCT lo, hi FROM p WHERE key = '${ANY_PLACE}'),
           q AS (SELECT unnest($4::VARCHAR[]) AS key, unnest($5::BOOLEAN[]) AS undated)
      SELECT k.mention_id FROM mention_keys k JOIN p ON k.kind = 'date' AND k.key = p.key AND k.day_start <= p.hi AND k.day_end >= p.lo
      UNION SELECT k.mention_id FROM mention_keys k JOIN spans s ON k.kind = 'date' AND k.key = '${ANY_PLACE}' AND k.day_start <= s.hi AND k.day_end >= s.lo
      UNION SELECT k.mention_id FROM mention_keys k JOIN wild w ON k.kind = 'date' AND k.day_start <= w.hi AND k.day_end >= w.lo
      UNION SELECT k.mention_id FROM mention_keys k JOIN q ON k.kind = 'place' AND k.key = q.key AND ($6 OR q.undated OR k.day_start IS NULL))
      ORDER BY id`,
    [strings(date.map((d) => d[0])), listValue(date.map((d) => d[1])), listValue(date.map((d) => d[2])),
      strings(place.map((p) => p[0])), listValue(place.map((p) => p[1])), probe.place === 'all']);
    return found.map((r) => ({ features: JSON.parse(String(r.features)) as FeatureRecord, component: String(r.component) }));
  };

  const byIds = (sql: string) => async (ids: readonly string[]): Promise<Rec[]> => (ready && ids.length ? rows(sql, [strings(ids)]) : []);

  const apply = async (ch: ChangeSet): Promise<number> => {
    const batch = (await metaOf()).batches + 1;
    let step = 0;
    const write = async (sql: string, params?: DuckDBValue[]): Promise<void> => {
      await opts.beforeWrite?.(++step, sql.trim().split(/\s+/).slice(0, 3).join(' '));
      await (params ? c.run(sql, params) : c.run(sql));
    };
    await write('BEGIN TRANSACTION');
    try {
      if (!ready) {
        for (const t of Object.keys(TABLES) as TableName[]) await write(ddl(t));
        await write("INSERT INTO meta VALUES ('schema_version', $1), ('created_at', $2), ('rules_hash', NULL), ('batches', '0')",
          [String(STORE_SCHEMA_VERSION), (opts.now?.() ?? new Date()).toISOString()]);
      }
      if (ch.kind === 'replace') {
        for (const t of ['reports', 'mentions', 'mention_keys', 'claims', ...INCIDENT_TABLES]) await write(`DELETE FROM ${t}`);
      } else {
        if (ch.removedIncidents.length) {
          for (const t of INCIDENT_TABLES) await write(`DELETE FROM ${t} WHERE ${t === 'incidents' ? 'id' : 'incident_id'} IN (SELECT unnest($1::VARCHAR[]))`, [strings(ch.removedIncidents)]);
        }
        if (ch.moved.length) {
          await write(`UPDATE mentions SET component = u.component, incident_id = u.incident_id
            FROM (SELECT unnest($1::VARCHAR[]) AS id, unnest($2::VARCHAR[]) AS component, unnest($3::VARCHAR[]) AS incident_id) u WHERE mentions.id = u.id`,
          [strings(ch.moved.map((m) => m.id)), strings(ch.moved.map((m) => m.component)), listValue(ch.moved.map((m) => m.incidentId))]);
        }
      }
      const out: Record<TableName, Row[]> = { meta: [], reports: [], mentions: [], mention_keys: [], claims: [], incidents: [], tolls: [], stances: [], disagreements: [], history: [], decisions: [] };
      for (const r of ch.reports) {
        out.reports.push(reportRow(r, batch));
        out.claims.push(...r.aggregates.map((a) => claimRow(a, null)));
      }
      for (const m of ch.mentions) {
        out.mentions.push(mentionRow(m));
        out.mention_keys.push(...mentionKeyRows(m));
        out.claims.push(...m.mention.claims.map((cl) => claimRow(cl, m.mention.id)));
      }
      for (const i of ch.incidents) {
        const r = incidentRows(i, batch);
        for (const t of INCIDENT_TABLES) out[t].push(...r[t]);
      }
      const seq = Number((await rows('SELECT coalesce(max(seq), 0) AS n FROM history'))[0]!.n);
      const at = (opts.now?.() ?? new Date()).toISOString();
      out.history = ch.history.map((h, k) => [seq + k + 1, batch, at, ch.rulesHash, h.event, h.incidentId, h.otherId, h.before, h.after, h.detail]);
      for (const t of Object.keys(out) as TableName[]) {
        if (!out[t].length) continue;
        await opts.beforeWrite?.(++step, `APPEND ${t}`);
        const a = await c.createAppender(t);
        append(a, TABLES[t].map((col) => col.type), out[t]);
        a.closeSync();
      }
      await write("UPDATE meta SET value = $1 WHERE key = 'rules_hash'", [ch.rulesHash]);
      await write("UPDATE meta SET value = $1 WHERE key = 'batches'", [String(batch)]);
      await opts.beforeCommit?.();
      await write('COMMIT');
    } catch (e) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
    ready = true;
    return batch;
  };

  const recordDecisions = async (changes: readonly DecisionChange[]): Promise<void> => {
    if (!changes.length) return;
    await c.run('BEGIN TRANSACTION');
    try {
      if (!ready) {
        for (const t of Object.keys(TABLES) as TableName[]) await c.run(ddl(t));
        await c.run("INSERT INTO meta VALUES ('schema_version', $1), ('created_at', $2), ('rules_hash', NULL), ('batches', '0')",
          [String(STORE_SCHEMA_VERSION), (opts.now?.() ?? new Date()).toISOString()]);
      }
      await c.run(ddl('decisions'));
      const seq = Number((await rows('SELECT coalesce(max(seq), 0) AS n FROM decisions'))[0]!.n);
      const at = (opts.now?.() ?? new Date()).toISOString();
      const a = await c.createAppender('decisions');
      append(a, TABLES.decisions.map((col) => col.type), changes.map((d, k): Row => [
        seq + k + 1, at, d.decisionId, d.kind, d.who, d.when, d.change, d.before === null ? null : JSON.stringify(d.before), JSON.stringify(d.after)]));
      a.closeSync();
      await c.run('COMMIT');
    } catch (e) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
    ready = true;
  };
  const decisions = async (): Promise<DecisionRecord[]> => {
    if (!ready) return [];
    const has = await rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'decisions'");
    if (!has.length) return [];
    return (await rows(`SELECT seq, strftime(recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, decision_id, kind, who, decided_at, change, before, after
      FROM decisions ORDER BY seq`)).map((r) => ({
      seq: Number(r.seq), recordedAt: String(r.at), decisionId: String(r.decision_id), kind: String(r.kind), who: String(r.who), when: String(r.decided_at),
      change: r.change === 'changed' ? 'changed' : 'added', before: r.before === null ? null : JSON.parse(String(r.before)) as unknown, after: JSON.parse(String(r.after)) as unknown,
    }));
  };

  return E.right({
    close,
    decisions,
    recordDecisions,
    meta: metaOf,
    reportHashes: async (ids) => new Map((await byIds('SELECT id, content_hash FROM reports WHERE id IN (SELECT unnest($1::VARCHAR[]))')(ids))
      .map((r) => [String(r.id), String(r.content_hash)])),
    candidates,
    components: async (cs) => (await byIds(`${MENTION} WHERE component IN (SELECT unnest($1::VARCHAR[])) ORDER BY id`)(cs)).map(loadedMention),
    // Every id ever given has a 'created' line in the history.
    takenIds: async (ids) => new Set((await byIds(`SELECT DISTINCT incident_id FROM history
      WHERE event = 'created' AND incident_id IN (SELECT unnest($1::VARCHAR[]))`)(ids)).map((r) => String(r.incident_id))),
    everything: async () => (ready
      ? { reports: (await rows(REPORT)).map(storedReport), mentions: (await rows(`${MENTION} ORDER BY id`)).map(loadedMention) }
      : none({ reports: [], mentions: [] })()),
    content: async () => (ready ? {
      reports: (await rows(REPORT)).map(storedReport),
      mentions: (await rows('SELECT mention FROM mentions ORDER BY id')).map((r) => JSON.parse(String(r.mention)) as Mention),
      incidents: (await rows('SELECT incident FROM incidents')).map((r) => JSON.parse(String(r.incident)) as Incident),
    } : { reports: [], mentions: [], incidents: [] }),
    history: async () => (ready ? (await rows(`SELECT seq, batch, strftime(recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, rules_hash, event, incident_id, other_id,
        mentions_before, mentions_after, detail FROM history ORDER BY seq`)).map((r): HistoryRecord => ({
      seq: Number(r.seq), batch: Number(r.batch), at: String(r.at), rulesHash: String(r.rules_hash), event: r.event as HistoryRecord['event'],
      incidentId: (r.incident_id as string | null) ?? null, otherId: (r.other_id as string | null) ?? null,
      before: r.mentions_before === null ? null : Number(r.mentions_before), after: r.mentions_after === null ? null : Number(r.mentions_after),
      detail: String(r.detail),
    })) : []),
    apply,
  });
};
