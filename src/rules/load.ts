/**
 * Turns the raw contents of a rules directory (already parsed from YAML by the CLI)
 * into a validated `Rules` value: schemas first, then cross-checks (validate.ts),
 * collecting every problem with its file and path.
 * Pure: the CLI does the reading.
 */
import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { ActorsFile, GazetteerFile, Rules, SourcesFile } from './schema.js';
import { ClusteringRules } from './clustering-schema.js';
import { ReconcileRules } from './reconcile-schema.js';
import { LanguageRules } from './language-schema.js';
import { validateRules } from './validate.js';
import { withProxies } from './proxies.js';
import { lemmasWithoutForms, withVerbForms } from './inflect.js';

/** One problem of a rule set; `code` names the kind of problem (cross-checks: src/rules/validate.ts). */
export type RuleProblem = { readonly file: string; readonly path: string; readonly message: string; readonly code?: string };

/** Relative path (posix, e.g. `languages/ar/numbers.yaml`) → parsed YAML value. */
export type RuleFiles = Readonly<Record<string, unknown>>;

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');

const issuesOf = (file: string, error: z.ZodError): RuleProblem[] =>
  error.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message }));

const parseFile = <T>(files: RuleFiles, file: string, schema: z.ZodType<T>, problems: RuleProblem[]): T | undefined => {
  if (!(file in files)) {
    problems.push({ file, path: '', message: 'missing rule file' });
    return undefined;
  }
  const r = schema.safeParse(files[file]);
  if (!r.success) { problems.push(...issuesOf(file, r.error)); return undefined; }
  return r.data;
};

const LANGUAGE_FILE = /^languages\/([a-z]{2,3})\/([a-z-]+)\.ya?ml$/;

/** Stable hash of the rule set: same files, same hash, whatever the key order. */
export const hashRules = (files: RuleFiles): string => {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon)
      : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(JSON.stringify(canon(files))).digest('hex').slice(0, 16);
};

export const parseRules = (files: RuleFiles): E.Either<readonly RuleProblem[], Rules> => {
  const problems: RuleProblem[] = [];
  const sources = parseFile(files, 'sources.yaml', SourcesFile, problems);
  const actors = parseFile(files, 'actors.yaml', ActorsFile, problems);
  const gazetteer = parseFile(files, 'gazetteer.yaml', GazetteerFile, problems);
  const clustering = parseFile(files, 'clustering.yaml', ClusteringRules, problems);
  const reconcile = parseFile(files, 'reconcile.yaml', ReconcileRules, problems);
  const raw: Record<string, Record<string, unknown>> = {};
  for (const [file, value] of Object.entries(files)) {
    const m = LANGUAGE_FILE.exec(file);
    if (!m) continue;
    const [, lang, family] = m as unknown as [string, string, string];
    (raw[lang] ??= {})[family] = value;
  }
  const languages: Record<string, LanguageRules> = {};
  for (const [lang, families] of Object.entries(raw)) {
    const r = LanguageRules.safeParse(families);
    if (r.success) {
      languages[lang] = withVerbForms(r.data);
      problems.push(...lemmasWithoutForms(r.data, r.data.script.verbForms).map((path) => {
        const [family, ...rest] = path.split('.');
        return { file: `languages/${lang}/${family}.yaml`, path: rest.join('.'), message: 'a word ending in "~" is a lemma, but script.verbForms declares no verb forms for this language' };
      }));
    } else problems.push(...r.error.issues.map((i) => ({
      file: `languages/${lang}/${String(i.path[0] ?? '')}.yaml`, path: formatPath(i.path.slice(1)), message: i.message,
    })));
  }
  // Second pass: references, shared names and thresholds, over whatever passed its schema.
  problems.push(...validateRules({
    sources: sources?.sources, actors: actors?.actors, places: gazetteer?.places, clustering, reconcile, languages,
  }, files));
  if (problems.length || !sources || !actors || !gazetteer || !clustering || !reconcile) return E.left(problems);
  return E.right(withProxies({ sources: sources.sources, actors: actors.actors, places: gazetteer.places, languages, clustering, reconcile }));
};

/** `✖ message → at path` lines, zod-style, prefixed with the file. */
export const formatRuleProblems = (problems: readonly RuleProblem[]): string =>
  problems.map((p) => `✖ ${p.message}\n  → at ${p.file}${p.path ? `: ${p.path}` : ''}`).join('\n');
