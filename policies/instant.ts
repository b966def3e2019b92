// Strict readers for the values operators write by hand (tags, --at): one spelling each, never a guess.

// ISO 8601 date-time with an explicit UTC offset (Z or ±hh:mm). Without one, Date.parse uses the machine's
// own time zone, so a laptop and Lambda would read the same tag an offset apart.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Epoch ms of an ISO 8601 instant with an offset, or undefined for anything else (including 30 February). */
export const parseInstant = (s: string): number | undefined => {
  const m = ISO_WITH_OFFSET.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, , oh, om] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59) return undefined;
  if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) return undefined;
  // Date.UTC rolls 30 February over into March: the day must survive the round trip.
  if (new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDate() !== Number(d)) return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : undefined;
};

// A canonical decimal integer: digits only, no sign, no leading zero, no space, no exponent, no hex.
const CANONICAL_INT = /^(0|[1-9]\d*)$/;

/** The non-negative integer a string spells canonically, or undefined ("", " 5", "+5", "05", "5.0", "1e1", "0x8"). */
export const parseCount = (s: string): number | undefined => {
  if (!CANONICAL_INT.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
};
