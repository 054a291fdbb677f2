// `node|bun esm.mjs MOCK_URL`, `deno run … esm.mjs MOCK_URL`: the package imported as ESM.
import * as lib from "@hsrcpay/client";
import * as testing from "@hsrcpay/client/testing";
import probeModule from "./probe.cjs";

const baseUrl = globalThis.Deno?.args[0] ?? process.argv[2];
console.log(JSON.stringify(await probeModule.probe(lib, baseUrl, testing)));
