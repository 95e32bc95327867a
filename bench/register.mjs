// Runs this package's TypeScript without a build step: tsx resolves modules, ts-hooks.mjs
// transforms them. Used by the bench (node --import ./bench/register.mjs), which times the source as it is.
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

register();
// Registered last, so it is asked first.
registerHooks('./ts-hooks.mjs', import.meta.url);
