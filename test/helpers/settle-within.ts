// Bounded waits for tests against real servers: a promise that never settles fails its test at once,
// with a value that says so, instead of holding it until vitest's own timeout.

/** What `promise` resolves to, or `fallback` if it has not settled within `ms`; the timer is cleared. */
export async function settleWithin<T, F>(
  promise: Promise<T>,
  ms: number,
  fallback: F,
): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
