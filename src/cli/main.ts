/**
 * Entry point (bin/reconcile.js runs it, compiled to dist/): wires the real system into the
 * program and sets the exit code. Modules load inside the guard, so even a module that
 * fails to load ends in one line on stderr and exit code 2, not a stack trace.
 */
try {
  const [{ program }, { nodeSystem }] = await Promise.all([import('./program.js'), import('./system.js')]);
  process.exitCode = await program(nodeSystem)(process.argv.slice(2));
} catch (e) {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  process.stderr.write(`reconcile: internal error: ${message}\n`);
  process.exitCode = 2;
}
