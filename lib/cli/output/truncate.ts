/** Cuts text to `max` code points (never splitting a surrogate pair), marking the cut with `…`. */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  return `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Cuts the middle out of long identifiers, whose start (scope) and end (name) both matter. */
export function truncateMiddle(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/**
 * Shortens two long values so the place where they differ stays visible: when they share a long
 * common prefix, both are shown from a little before the first difference.
 */
export function truncatePair(desired: string, actual: string, max: number): [string, string] {
  const a = Array.from(desired);
  const b = Array.from(actual);
  if (a.length <= max && b.length <= max) return [desired, actual];
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const lead = Math.floor(max / 4);
  const start = common > lead ? common - lead : 0;
  const cut = (chars: string[]) => {
    const rest = chars.slice(start);
    const body =
      rest.length > max - (start ? 1 : 0)
        ? `${rest.slice(0, max - (start ? 2 : 1)).join('')}…`
        : rest.join('');
    return start ? `…${body}` : body;
  };
  return [cut(a), cut(b)];
}
