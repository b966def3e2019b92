// HTML escaping for the report: every name and message that reaches the page goes through it.
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
export const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');
