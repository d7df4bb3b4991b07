/**
 * Bounds on the shape of a parsed JSON payload. A body within the byte limit can still nest a
 * thousand levels deep or hold a hundred thousand tiny values; code that walks it recursively
 * (renderers, loggers, Bolt's middleware) would then overflow the stack or stall. Checked without
 * recursion, so the check itself is safe on any input.
 */
export interface ShapeLimits {
  /** Deepest nesting of objects and arrays (the top level is depth 1). */
  maxDepth: number;
  /** Most values (objects, arrays and scalars together). */
  maxNodes: number;
}

/** Telegram updates and Slack payloads are far inside these. */
export const PAYLOAD_LIMITS: ShapeLimits = { maxDepth: 32, maxNodes: 50_000 };

/** Why a payload is refused, or null when it fits. */
export function shapeProblem(value: unknown, limits: ShapeLimits = PAYLOAD_LIMITS): "too_deep" | "too_many_values" | null {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (++nodes > limits.maxNodes) return "too_many_values";
    if (current === null || typeof current !== "object") continue;
    if (depth > limits.maxDepth) return "too_deep";
    const children = Array.isArray(current) ? current : Object.values(current as Record<string, unknown>);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return null;
}
