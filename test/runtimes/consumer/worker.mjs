// A Cloudflare Worker (module syntax), bundled with esbuild as wrangler would: each request runs
// the probe against the mock named by the MOCK_URL binding.
import * as lib from "@hsrcpay/client";
import * as testing from "@hsrcpay/client/testing";
import probeModule from "./probe.cjs";

export default {
  async fetch(_request, env) {
    const report = await probeModule.probe(lib, env.MOCK_URL, testing);
    return new Response(JSON.stringify(report), {
      headers: { "content-type": "application/json" },
    });
  },
};
