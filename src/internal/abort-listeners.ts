// One native "abort" listener per caller signal, however many calls share it. Node warns
// (MaxListenersExceededWarning) past ten listeners on one EventTarget, and a caller who passes one
// AbortSignal to a batch of concurrent calls is doing nothing wrong.
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/** Runs `listener` once when `signal` aborts; returns the function that unsubscribes it. */
export function onAbort(signal: AbortSignal | undefined, listener: () => void): () => void {
  if (signal === undefined) return () => {};
  let listeners = waiting.get(signal);
  if (listeners === undefined) {
    const created = new Set<() => void>();
    listeners = created;
    waiting.set(signal, created);
    signal.addEventListener(
      "abort",
      () => {
        waiting.delete(signal);
        for (const run of created) run();
      },
      { once: true },
    );
  }
  listeners.add(listener);
  const own = listeners;
  return () => {
    own.delete(listener);
  };
}
