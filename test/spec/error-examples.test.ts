// Each operation's error answers, as the bundled spec (the reference, Prism and the in-process mock)
// shows them: named examples about that operation (openapi/plugins/hsrcpay.mjs writes them from the
// operation's `x-hsrcpay-errors`), valid against the envelope, the documented seed body last.
import { describe, expect, it } from "vitest";
import { loadSpec, operations, schemaErrors } from "../helpers/spec.js";

const all = operations(loadSpec());
const examplesOf = (operation: (typeof all)[number], status: string) =>
  Object.entries(operation.responses[status]?.content?.["application/json"]?.examples ?? {});
const messageOf = (value: unknown) => (value as { error: { message: string } }).error.message;

describe("each operation's error examples", () => {
  it.each(all.map((operation) => [operation.operationId, operation] as const))(
    "%s: 400, 403, 404 and 422 open with named examples of its own, valid, the seed body last",
    (_, operation) => {
      for (const status of ["400", "403", "404", "422"]) {
        const examples = examplesOf(operation, status);
        expect(examples.at(-1)?.[0], status).toBe("seedExample");
        const own = examples.slice(0, -1);
        expect(own.length, status).toBeGreaterThan(0);
        const { schema } = operation.responses[status]?.content?.["application/json"] ?? {};
        for (const [name, example] of own) {
          expect(name).toMatch(/^[a-z][A-Za-z]+$/);
          expect(schemaErrors(schema ?? {}, example.value), `${status} ${name}`).toEqual([]);
          expect((example.value as { error: { code: number } }).error.code).toBe(Number(status));
          // Never presented as documented: HSRCPAY shows only placeholders for error bodies.
          expect((example as { description?: string }).description, name).toContain("assumed");
        }
      }
    },
  );

  it("never carry the API-key text to another resource's operations", () => {
    const leaked = all
      .filter((operation) => !operation.path.startsWith("/api-keys/"))
      .flatMap((operation) =>
        ["403", "404", "422"].flatMap((status) =>
          examplesOf(operation, status)
            .map(([, example]) => JSON.stringify(example.value))
            .filter((text) => /api:key|permissions\.payments|managed keys/.test(text))
            .map(() => `${operation.operationId} ${status}`),
        ),
      );
    expect(leaked).toEqual([]);
  });

  it("name what each operation is about: the payment, the permission its description names, a field it takes", () => {
    const byId = (id: string) => all.find((operation) => operation.operationId === id);
    const first = (id: string, status: string) => examplesOf(byId(id) as never, status)[0];
    expect(first("getPayment", "404")?.[0]).toBe("paymentNotFound");
    expect(messageOf(first("confirmPayment", "404")?.[1].value)).toBe("Payment not found");
    expect(messageOf(first("getCharge", "403")?.[1].value)).toBe(
      "Missing permission account:charge:read",
    );
    expect(first("createPayment", "422")?.[0]).toBe("invalidAmount");
    expect(first("regenerateManagedApiKey", "422")?.[0]).toBe("customKey");
    // A 403 names a permission only where the operation's description names it.
    for (const operation of all) {
      const [name, example] = examplesOf(operation, "403")[0] ?? [];
      const named = /`(account:[a-z:]+)`/.exec(
        (operation as { description?: string }).description ?? "",
      )?.[1];
      if (named) expect(messageOf(example?.value), operation.operationId).toContain(named);
      else expect(name, operation.operationId).toBe("notPermitted");
    }
  });
});
