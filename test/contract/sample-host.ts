// Preloaded (`node --import`) into each code sample that code-samples.test.ts runs: the samples call
// HSRCPAY's production host as a user's copy would, and this sends those requests to the Prism mock
// (HSRCPAY_SAMPLE_MOCK) instead. Each request Prism finds out of spec is reported on stderr.
const production = "https://api.hsrcpay.com/v1";
const mock = process.env.HSRCPAY_SAMPLE_MOCK;
if (!mock) throw new Error("HSRCPAY_SAMPLE_MOCK is not set");
const realFetch = globalThis.fetch;

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  if (!url.startsWith(production)) throw new Error(`a sample called ${url}, not HSRCPAY`);
  const target = mock + url.slice(production.length);
  const response = await realFetch(
    input instanceof Request ? new Request(target, input) : target,
    init,
  );
  const violations = response.headers.get("sl-violations");
  if (violations) process.stderr.write(`sl-violations on ${url}: ${violations}\n`);
  return response;
};
