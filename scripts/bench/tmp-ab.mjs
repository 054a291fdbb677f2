const envelope = JSON.stringify({ message: "success", success: true, data: { object: "api_key", id: "key_1", key: "sk_test_x", name: "CI deploy", permissions: {} } });
const fetch = async () => new Response(envelope, { status: 201, headers: { "content-type": "application/json" } });
const p = { account_id: "acct_1", name: "n", permissions: { payments: ["read"] } };
const variants = {};
for (const [name, path] of Object.entries({ old: "/tmp/oldbench/dist/index.js", new: "/work/main/dist/index.js", alt: process.env.ALT })) {
  if (!path) continue;
  const { createHsrcpayClient } = await import(path);
  const c = createHsrcpayClient({ token: "sk_test_4eC39HqLyjWDarjtT1zdp7dc9f2c", baseUrl: "http://127.0.0.1:9/v1", fetch });
  variants[name] = () => c.apiKeys.create(p);
}
const rates = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let b = 0; b < 25; b++) for (const [k, call] of Object.entries(variants)) {
  const t = performance.now(); for (let i = 0; i < 2000; i++) await call();
  if (b >= 3) rates[k].push(2000 / ((performance.now() - t) / 1000));
}
for (const [k, r] of Object.entries(rates)) { r.sort((a, b) => a - b); console.log(k, Math.round(r[r.length >> 1])); }
