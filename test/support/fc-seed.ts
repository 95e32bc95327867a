/**
 * `FCSEED=<seed> npx vitest run FILE` replays every property of FILE with the seed a failure
 * printed (CI runs each property with a new random seed). Unset, nothing changes.
 */
import fc from 'fast-check';

if (process.env.FCSEED) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(process.env.FCSEED) });
