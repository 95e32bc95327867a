/** The exit codes (CONTRACT.md): 0 ok, 1 input had problems (or any warning with --strict), 2 usage error, bad rules, nothing readable. */
export const EXIT = { ok: 0, problems: 1, fatal: 2 } as const;
