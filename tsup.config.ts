import { defineConfig } from "tsup";

// ESM and CJS from one source, each with its own declaration file (.d.ts / .d.cts) so that both
// `import` and `require` consumers get types that match the module format they load.
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  // Works in Node, browsers, Deno and workers alike: the code only touches globalThis.
  platform: "neutral",
  external: ["openapi-fetch"],
});
