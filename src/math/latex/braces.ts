/** Reads the balanced `{...}` group that starts at `open` (a `{`); escaped braces do not count. */
export function balancedGroup(s: string, open: number): { content: string; end: number } | undefined {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { content: s.slice(open + 1, i), end: i + 1 };
  }
  return undefined;
}

/** Contents of every `\boxed{...}` / `\fbox{...}`, in order. */
export function boxedContents(s: string): string[] {
  const out: string[] = [];
  const re = /\\(?:boxed|fbox)\s*\{/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const g = balancedGroup(s, m.index + m[0].length - 1);
    if (!g) break;
    out.push(g.content);
    re.lastIndex = g.end;
  }
  return out;
}
