// `npm start`: runs examples/api-key-lifecycle.ts (list accounts, then create, list, regenerate,
// delete a key), examples/take-a-payment.ts (create, confirm with a card, the 3-D Secure branch,
// read again with its charges) and examples/hosted-checkout.ts (open a checkout session, confirm it
// by its token with a card) against the Prism mock of openapi/, started on a free port and
// stopped afterwards; or, with HSRCPAY_BASE_URL and HSRCPAY_API_KEY set, against that server.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startPrism } from "./prism.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const examples = [
  "examples/api-key-lifecycle.ts",
  "examples/take-a-payment.ts",
  "examples/hosted-checkout.ts",
];

/** Runs each example in turn; the first that fails stops the job with its exit code. */
async function runExamples(env: NodeJS.ProcessEnv): Promise<number> {
  for (const example of examples) {
    console.log(`\n— ${example}`);
    const code = await runExample(example, env);
    if (code !== 0) return code;
  }
  return 0;
}

function runExample(example: string, env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", example], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

if (process.env.HSRCPAY_BASE_URL && process.env.HSRCPAY_API_KEY) {
  const named = `${examples.slice(0, -1).join(", ")} and ${examples.at(-1)}`;
  console.log(`Running ${named} against ${process.env.HSRCPAY_BASE_URL}`);
  process.exitCode = await runExamples(process.env);
} else {
  if (process.env.HSRCPAY_BASE_URL || process.env.HSRCPAY_API_KEY) {
    console.log(
      "Set both HSRCPAY_BASE_URL and HSRCPAY_API_KEY to use a real server; using the mock.",
    );
  }
  console.log("Starting the Prism mock of openapi/openapi.yaml on 127.0.0.1…");
  const mock = await startPrism();
  console.log(`Mock listening on ${mock.baseUrl}; running the examples against it`);
  try {
    process.exitCode = await runExamples({
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
