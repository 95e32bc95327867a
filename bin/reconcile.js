#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI with no build step (see register.mjs).
import './register.mjs';
await import('../src/cli/main.ts');
