// Consuming a one-time link through Prism and the in-process mock: its success is a text or an HTML
// page, not an envelope, so it has no row in operations.ts (outcomes.test.ts reads JSON answers);
// the same promises are held here. Every declared status, in spec (no-violations.ts), one request
// each, the content as the spec's example of the media type that came back.
import { describe, expect, it } from "vitest";
import { type components, NotFoundError } from "../../src/index.js";
import { rejectionOf } from "../helpers/rejection.js";
import { declaredStatuses, loadSpec, operation } from "../helpers/spec.js";
import { declaredErrorClasses } from "../helpers/status-classes.js";
import { contractClient } from "./observed-client.js";

type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];
type Media = Record<string, { examples?: Record<string, { value: unknown }> }>;

const linkId = "otl_8Vb1Nm4Qw7Er0Ty3";
const spec = operation(loadSpec(), "consumeOneTimeLink");
const success = spec.responses["200"] as unknown as { content: Media };
/** Each declared media type of the success, and its first example. */
const contentExamples = Object.fromEntries(
  Object.entries(success.content).map(([type, media]) => [
    type,
    Object.values(media.examples ?? {})[0]?.value,
  ]),
);
const failures = declaredStatuses("consumeOneTimeLink").filter((s) => /^[45]\d\d$/.test(s));

describe.each(["prism", "mock"] as const)("consumeOneTimeLink through %s", (backend) => {
  it("200: the content of a declared media type, its example, from one request", async () => {
    const { hsrcpay, exchanges } = contractClient({ backend });
    const consumed = await hsrcpay.oneTimeLinks.consume(linkId, {
      headers: { Prefer: "code=200", Accept: "text/plain" },
    });
    expect(exchanges).toHaveLength(1);
    expect(consumed.kind).toBe("content");
    if (consumed.kind !== "content") return;
    expect(consumed.status).toBe(200);
    expect(consumed.text).toBe(contentExamples["text/plain"]);
    expect(consumed.contentType).toMatch(/^text\/plain/);
  });

  it("200 asking for a page: Prism answers the HTML example", async () => {
    if (backend === "mock") return;
    const { hsrcpay } = contractClient({ backend });
    const consumed = await hsrcpay.oneTimeLinks.consume(linkId);
    expect(consumed).toMatchObject({ kind: "content", text: contentExamples["text/html"] });
    expect(consumed.kind === "content" && consumed.contentType).toMatch(/^text\/html/);
  });

  it.each(failures)("%s: the typed error with the envelope's code, sent once", async (status) => {
    const { hsrcpay, exchanges } = contractClient({ backend, maxRetries: 2 });
    const error = await rejectionOf(
      hsrcpay.oneTimeLinks.consume(linkId, { headers: { Prefer: `code=${status}` } }),
    );
    const ErrorClass = declaredErrorClasses[status];
    expect(error).toBeInstanceOf(ErrorClass);
    const envelope = JSON.parse(exchanges[0]?.body ?? "") as ErrorEnvelope;
    expect(error).toMatchObject({ status: Number(status), code: envelope.error.code });
    // 429 and 500 are retried for every other call: never for a link, which works once.
    expect(exchanges).toHaveLength(1);
  });

  it("404 names the operation by its template, never the link", async () => {
    const { hsrcpay } = contractClient({ backend });
    const error = await rejectionOf(
      hsrcpay.oneTimeLinks.consume(linkId, { headers: { Prefer: "code=404" } }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain("(GET /one-time-links/{token})");
    expect((error as Error).message).not.toContain(linkId);
  });
});
