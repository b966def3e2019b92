// Plain-text tables: aligned columns, readable without colour, pasteable into an incident channel; they fit the
// terminal width (80 columns by default) by shortening the widest cells with an ellipsis.
export const WIDTH = 80;

const clip = (s: string, w: number): string => (s.length <= w ? s : `${s.slice(0, Math.max(0, w - 1))}…`);

export const table = (head: readonly string[], rows: readonly (readonly string[])[], width = Infinity): string => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const total = () => widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1);
  // Shrink the widest column one character at a time, never below its heading, until the table fits.
  while (total() > width) {
    const floor = (i: number) => Math.max(head[i]!.length, 4);
    const i = widths.reduce((best, w, k) => (w - floor(k) > widths[best]! - floor(best) ? k : best), 0);
    if (widths[i]! <= floor(i)) break;
    widths[i] = widths[i]! - 1;
  }
  const line = (cells: readonly string[]) => cells.map((c, i) => clip(c, widths[i] ?? 0).padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
};

/** Word-wraps each line of text to width, keeping its leading spaces; continuation lines start with indent. */
export const wrap = (text: string, width = WIDTH, indent = ''): string =>
  text.split('\n').map((para) => {
    const lead = /^ */.exec(para)![0];
    const out: string[] = [];
    let line = lead;
    let start = lead.length;
    for (const word of para.slice(lead.length).split(' ')) {
      if (line.length > start && word !== '' && line.length + 1 + word.length > width) {
        out.push(line.trimEnd());
        line = indent + word;
        start = indent.length;
      } else line = line.length > start ? `${line} ${word}` : line + word;
    }
    out.push(line);
    return out.join('\n');
  }).join('\n');
