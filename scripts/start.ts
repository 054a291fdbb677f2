// `npm start`: runs examples/api-key-lifecycle.ts (list accounts, then create, list, regenerate, delete a key) against the
// Prism mock of openapi/, started on a free port and stopped afterwards; or, with HSRCPAY_BASE_URL
// and HSRCPAY_API_KEY set, against that server.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startPrism } from "./prism.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const example = "examples/api-key-lifecycle.ts";

function runExample(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", example], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

if (process.env.HSRCPAY_BASE_URL && process.env.HSRCPAY_API_KEY) {
  console.log(`Running ${example} against ${process.env.HSRCPAY_BASE_URL}`);
  process.exitCode = await runExample(process.env);
} else {
  if (process.env.HSRCPAY_BASE_URL || process.env.HSRCPAY_API_KEY) {
    console.log(
      "Set both HSRCPAY_BASE_URL and HSRCPAY_API_KEY to use a real server; using the mock.",
    );
  }
  console.log("Starting the Prism mock of openapi/openapi.yaml on 127.0.0.1…");
  const mock = await startPrism();
  console.log(`Mock listening on ${mock.baseUrl}; running ${example} against it\n`);
  try {
    process.exitCode = await runExample({
      ...process.env,
      HSRCPAY_BASE_URL: mock.baseUrl,
      HSRCPAY_API_KEY: "sk_test_mock0000000000000000demo",
      HSRCPAY_DEMO_MOCK: "1",
    });
  } finally {
    await mock.stop();
    console.log("\nMock stopped.");
  }
}
