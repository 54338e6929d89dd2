/** Edit distance with an early exit: candidates further than `max` are not worth suggesting. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The closest candidate a person plausibly meant: same text in another case, a small typo, or a
 * unique candidate that starts with what they typed.
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const max = Math.max(1, Math.min(3, Math.floor(input.length / 3)));
  let best: string | undefined;
  let bestDistance = max + 1;
  const prefixed: string[] = [];
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    const d = distance(lower, other, max);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
    if (lower.length >= 3 && other.startsWith(lower)) prefixed.push(candidate);
  }
  if (best !== undefined) return best;
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const match = suggest(input, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}

/** `a`, `a` or `b`, `a`, `b` or `c`: lists of allowed values in messages. */
export function oneOf(values: readonly string[], conjunction = 'or'): string {
  return listText(
    values.map((v) => `\`${v}\``),
    conjunction,
  );
}

/** `a`, `a and b`, `a, b and c`: a list in a sentence. */
export function listText(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)!}`;
}
