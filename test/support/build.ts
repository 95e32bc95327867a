/**
 * vitest globalSetup: tests that start the CLI as a process run the compiled dist/ (as users
 * do), so dist/ is rebuilt before any test runs whenever it is older than the source (by
 * modification time: bin/build-if-stale.js, which bin/reconcile.js runs too). `npm test`
 * never runs against a stale dist/.
 */
import { pathToFileURL } from 'node:url';

export default async function setup(): Promise<void> {
  const { buildIfStale } = await import(pathToFileURL(new URL('../../bin/build-if-stale.js', import.meta.url).pathname).href) as { buildIfStale: () => void };
  buildIfStale();
}
