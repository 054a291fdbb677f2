// One cold start, in a fresh process: import one client, make it, and make one create-payment call
// on the loopback server. Plain JavaScript run by node itself, so no loader hook slows an import.
// argv: the client's name, then the recorded request as JSON. Prints `{ importMs, firstCallMs }`.
const [name, json] = process.argv.slice(2);
const sent = JSON.parse(json);
const started = performance.now();
let call;
if (name === "@hsrcpay/client") {
  const { createHsrcpayClient } = await import(sent.dist);
  const hsrcpay = createHsrcpayClient({ token: sent.token, baseUrl: sent.baseUrl });
  call = () => hsrcpay.payments.create(JSON.parse(sent.body));
} else if (name === "openapi-fetch") {
  const { default: createClient } = await import("openapi-fetch");
  const client = createClient({ baseUrl: sent.baseUrl, headers: sent.headers });
  call = () => client.POST(sent.template, { body: JSON.parse(sent.body) });
} else if (name === "openai-node") {
  const { default: OpenAI } = await import("openai");
  const client = new OpenAI({
    apiKey: sent.token,
    baseURL: sent.baseUrl,
    maxRetries: 2,
    timeout: 30_000,
  });
  call = () =>
    client.post(sent.relativePath, {
      body: JSON.parse(sent.body),
      idempotencyKey: crypto.randomUUID(),
    });
} else if (name === "ky") {
  const { default: ky } = await import("ky");
  const client = ky.create({ retry: { limit: 2 }, timeout: 30_000 });
  call = () => client.post(sent.url, { headers: sent.headers, body: sent.body }).json();
} else if (name === "axios") {
  const { default: axios } = await import("axios");
  const client = axios.create({ timeout: 30_000, maxRedirects: 0 });
  call = () => client.post(sent.url, sent.body, { headers: sent.headers });
} else if (name === "raw fetch") {
  call = async () =>
    (await fetch(sent.url, { method: "POST", headers: sent.headers, body: sent.body })).json();
} else {
  throw new Error(`no such client: ${name}`);
}
const imported = performance.now();
await call();
const called = performance.now();
console.log(JSON.stringify({ importMs: imported - started, firstCallMs: called - imported }));
