import { RateLimiterMemory } from "rate-limiter-flexible";

/** `allow`: handle it; `notify`: the first message over the limit (say so once); `drop`: ignore quietly. */
export type RateDecision = "allow" | "notify" | "drop";

export interface UserRateLimit {
  check(userId: string): Promise<RateDecision>;
}

/**
 * At most `perMinute` messages a resident per rolling minute window. Over the limit the resident
 * is told once per window; further messages are dropped so a flood costs nothing.
 */
export function createUserRateLimit(perMinute: number): UserRateLimit {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return {
    async check(userId) {
      try {
        await limiter.consume(userId);
        return "allow";
      } catch (rejection) {
        if (rejection instanceof Error) throw rejection;
        const consumed = (rejection as { consumedPoints?: number }).consumedPoints ?? 0;
        return consumed === perMinute + 1 ? "notify" : "drop";
      }
    },
  };
}
