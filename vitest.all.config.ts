import { defineConfig } from 'vitest/config';
import { projects } from './vitest.config.js';

/** Every test, the slow ones (vitest.config.ts's SLOW) included: what .ci/run runs. */
export default defineConfig({ test: { projects: projects([]) } });
