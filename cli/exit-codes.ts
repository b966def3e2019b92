// Exit codes, as operators' scripts expect them: 0 done, 1 failed, 2 usage or configuration error.
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
