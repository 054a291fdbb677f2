// A Vercel edge function in edge-runtime's service-worker style: `?mock=URL` names the mock.
import * as lib from "@hsrcpay/client";
import * as testing from "@hsrcpay/client/testing";
import probeModule from "./probe.cjs";

addEventListener("fetch", (event) => {
  const baseUrl = new URL(event.request.url).searchParams.get("mock");
  event.respondWith(
    probeModule
      .probe(lib, baseUrl, testing)
      .then(
        (report) =>
          new Response(JSON.stringify(report), { headers: { "content-type": "application/json" } }),
      ),
  );
});
