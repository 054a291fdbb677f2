// The mock's HTTP side: answers as Responses, HSRCPAY's error envelope, delays a signal cuts short,
// and a request's body read however fetch was called.

/** Statuses a Response carries no body with. */
const bodiless = new Set([204, 205, 304]);

/** A status a Response can carry: 200 to 599 (a fetch never resolves with another). */
export const isAnswerStatus = (status: unknown): status is number =>
  Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599;

/** An answer; `extra` headers replace the mock's own whatever their case (`X-Request-Id`). */
export function json(
  status: number,
  body: unknown,
  own: Record<string, string>,
  extra: Record<string, string> = {},
): Response {
  const headers = new Headers({ "content-type": "application/json", ...own });
  for (const [name, value] of Object.entries(extra)) headers.set(name, String(value));
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new Response(bodiless.has(status) ? null : text, { status, headers });
}

/** HSRCPAY's error envelope (`ErrorEnvelope` in the spec). */
export const errorEnvelope = (
  code: number,
  message: string,
  details: Record<string, unknown> = {},
) => ({
  message,
  success: false,
  error: { code, message, details },
});

export function abortError(signal: AbortSignal | null | undefined): unknown {
  return signal?.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

export function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener("abort", stop, { once: true });
  });
}

/** The request's body as text: from `init`, or from a `Request` given as the input. */
export async function bodyText(request: Request | undefined, init: RequestInit): Promise<string> {
  if (typeof init.body === "string") return init.body;
  if (init.body !== undefined && init.body !== null) return new Response(init.body).text();
  return request?.body ? request.clone().text() : "";
}

/** JSON with object keys sorted: two bodies that say the same are the same text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
}
