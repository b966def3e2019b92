// Numbers as reason messages print them: rounded for a person, while the reason's data keeps the raw value.

/** At most `digits` decimals, trailing zeros dropped: 2.3382108552308307 -> "2.34", 5 -> "5", 0.5 -> "0.5". */
export const fmt = (n: number, digits = 2): string => {
  if (!Number.isFinite(n)) return String(n);
  const s = n.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
};
