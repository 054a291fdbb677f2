import { defineConfig } from "tsup";

// ESM and CJS from one source, each with its own declaration file (.d.ts / .d.cts) so that both
// `import` and `require` consumers get types that match the module format they load.
export default defineConfig({
  // The in-process mock is its own entry: the spec's examples it carries stay out of the client's.
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  // Works in Node, browsers, Deno and workers alike: the code only touches globalThis.
  platform: "neutral",
  external: ["openapi-fetch"],
  // The code both entries share (the errors, the request checker) is one ESM chunk, with a stable
  // name: one copy of each error class for \`instanceof\` across the entries.
  esbuildOptions(options) {
    options.chunkNames = "shared";
  },
});
