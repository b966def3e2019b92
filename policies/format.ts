// Numbers as reason messages print them: rounded for a person, while the reason's data keeps the raw value.

/** At most `digits` decimals, trailing zeros dropped: 2.3382108552308307 -> "2.34", 5 -> "5", 0.5 -> "0.5". */
export const fmt = (n: number, digits = 2): string => {
  if (!Number.isFinite(n)) return String(n);
  const s = n.toFixed(digits);
  if (!s.includes('.')) return s;
  // As s.replace(/\.?0+$/, ''), without a regular expression: reasons format numbers every minute in the simulator.
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end -= 1;
  if (end < s.length && s.charCodeAt(end - 1) === 46) end -= 1;
  return s.slice(0, end);
};
