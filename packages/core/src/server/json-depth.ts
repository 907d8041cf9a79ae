/**
 * Whether `value` nests arrays and objects more than `maxDepth` levels deep (the body itself
 * is level 1). It walks with a stack of its own rather than recursing, so a body nested
 * 100 000 levels deep is checked in linear time without overflowing the call stack; anything
 * recursive (validation, `JSON.stringify` for the upstream) runs only after it passed.
 */
export function exceedsJsonDepth(value: unknown, maxDepth: number): boolean {
  const pending: unknown[] = [value];
  const depths: number[] = [1];
  while (pending.length > 0) {
    const current = pending.pop();
    const depth = depths.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > maxDepth) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (child !== null && typeof child === 'object') {
        pending.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}
