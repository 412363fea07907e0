// How deeply a JSON value nests lists and groups, found without recursion, so a hostile value cannot overflow the stack.

/**
 * Deeper than anything the app writes or sends (a project file nests about 9 levels, a request fewer), and far
 * below the depth at which JSON.stringify or structuredClone overflow the stack (about 10,000 levels).
 */
export const MAX_NESTING = 64;

/**
 * Where `value` first nests deeper than `limit` levels of lists and groups: the first two keys of the path to that
 * place (enough to say which part of a file it is in), or null when it stays within the limit.
 */
export function tooDeepAt(value: unknown, limit = MAX_NESTING): (string | number)[] | null {
  const nodes: unknown[] = [value];
  const depths: number[] = [0];
  const wheres: (string | number)[][] = [[]];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()! + 1;
    const where = wheres.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return where;
    const keys: (string | number)[] | null = Array.isArray(node) ? null : Object.keys(node);
    const count = keys ? keys.length : (node as unknown[]).length;
    for (let i = 0; i < count; i++) {
      const key = keys ? keys[i] : i;
      const child = (node as Record<string | number, unknown>)[key];
      if (child === null || typeof child !== 'object') continue;
      nodes.push(child);
      depths.push(depth);
      wheres.push(where.length < 2 ? [...where, key] : where);
    }
  }
  return null;
}
