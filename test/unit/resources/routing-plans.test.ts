// The routing-plans resource: what goes on the wire and what a user reads back. The list may ignore
// pagination (issue #31): an answer with the pagination numbers is one page of several, an answer
// without any of them the whole list; both through a real server on 127.0.0.1 and the mock.
import { afterEach, describe, expect, it } from "vitest";
import { responses } from "../../../generated/responses.js";
import { createHsrcpayClient, HsrcpayInvalidResponseError } from "../../../src/index.js";
import { createHsrcpayMock } from "../../../src/testing/index.js";
import { clientWith } from "../../helpers/client-with.js";
import { type FaultServer, sendJson, startFaultServer } from "../../helpers/fault-server.js";
import { token } from "../../helpers/fixtures.js";
import { json } from "../../helpers/observed-fetch.js";
import { rejectionOf } from "../../helpers/rejection.js";

const example = responses["GET /routing-plans/{id}"]?.statuses["200"] as {
  data: Record<string, unknown>;
};
/** The spec's plan without its embeddings, under another id. */
const planWith = (id: string, more: Record<string, unknown> = {}) => {
  const { attempts: _a, charges: _c, payment: _p, ...plan } = structuredClone(example.data);
  return { ...plan, id, ...more };
};
const envelope = (data: unknown, more = {}) => ({
  message: "success",
  success: true,
  data,
  ...more,
});

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(answer: (page: number) => unknown) {
  const server = await startFaultServer((res, _index, req) => {
    const page = Number(new URL(req.url ?? "/", "http://x").searchParams.get("page") ?? 1);
    sendJson(res, 200, answer(page));
  });
  servers.push(server);
  const hsrcpay = createHsrcpayClient({ token, baseUrl: server.baseUrl });
  return { hsrcpay, server };
}

describe("routingPlans.list, against a real server", () => {
  it("with the pagination numbers: pages walked with page and limit", async () => {
    const { hsrcpay, server } = await serve((page) =>
      envelope([planWith(`rp_${page}`)], { total: 2, page, limit: 1, pages: 2 }),
    );
    const ids: string[] = [];
    for await (const plan of hsrcpay.routingPlans.list({ limit: 1 })) ids.push(plan.id);
    expect(ids).toEqual(["rp_1", "rp_2"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/v1/routing-plans/?limit=1&page=1",
      "/v1/routing-plans/?limit=1&page=2",
    ]);
    const first = await hsrcpay.routingPlans.list({ limit: 1 });
    expect([first.total, first.pages, first.hasNextPage()]).toEqual([2, 2, true]);
  });

  it("without them: the whole list as one page, and no second page asked for", async () => {
    const { hsrcpay, server } = await serve(() =>
      envelope([planWith("rp_1"), planWith("rp_2"), planWith("rp_3")]),
    );
    const page = await hsrcpay.routingPlans.list({ limit: 1 });
    expect(page.data.map((plan) => plan.id)).toEqual(["rp_1", "rp_2", "rp_3"]);
    expect([page.total, page.limit, page.pages, page.page]).toEqual([3, 3, 1, 1]);
    expect(page.hasNextPage()).toBe(false);
    const all = await hsrcpay.routingPlans.list({ limit: 1 }).toArray({ limit: 100 });
    expect(all.map((plan) => plan.id)).toEqual(["rp_1", "rp_2", "rp_3"]);
    // One request per list: the whole list was there at once.
    expect(server.requests).toHaveLength(2);
  });

  it("some of the numbers without the others is not believed", async () => {
    const { hsrcpay } = await serve(() => envelope([planWith("rp_1")], { total: 1 }));
    const error = await rejectionOf(hsrcpay.routingPlans.list());
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect((error as Error).message).toContain("without its pagination numbers");
  });
});

describe("routingPlans.list, through the mock", () => {
  it("answers the spec's paginated example and its whole-list example alike", async () => {
    const mock = createHsrcpayMock()
      .on("routingPlans.list", { example: "page" })
      .on("routingPlans.list", { example: "whole" });
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    const paged = await hsrcpay.routingPlans.list({ limit: 10 });
    expect([paged.total, paged.pages, paged.data.length]).toEqual([1, 1, 1]);
    const whole = await hsrcpay.routingPlans.list({ limit: 10 });
    expect(whole.data.map((plan) => plan.id)).toEqual([
      "rp_6Gh9Jk2Lm5Np8Qr1",
      "rp_0Qw3Er6Ty9Ui2Op5",
    ]);
    expect([whole.total, whole.pages]).toEqual([2, 1]);
    mock.assertNoViolations();
  });

  it("pages a seeded list as HSRCPAY does", async () => {
    const mock = createHsrcpayMock().seed("listRoutingPlans", [planWith("rp_1"), planWith("rp_2")]);
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    const ids: string[] = [];
    for await (const plan of hsrcpay.routingPlans.list({ limit: 1 })) ids.push(plan.id);
    expect(ids).toEqual(["rp_1", "rp_2"]);
    mock.assertNoViolations();
  });
});

describe("routingPlans.retrieve", () => {
  it("sends each include_* flag asked for; the id as one segment", async () => {
    const { hsrcpay, calls } = clientWith(() => json(200, example));
    const plan = await hsrcpay.routingPlans.retrieve("rp/1", {
      include_attempts: true,
      include_charges: true,
      include_payment: true,
    });
    expect(calls[0]?.url.pathname).toBe("/v1/routing-plans/rp%2F1");
    expect(calls[0]?.url.search).toBe(
      "?include_attempts=true&include_charges=true&include_payment=true",
    );
    expect(plan.charges[0]?.routing_plan_id).toBe(plan.id);
    expect(plan.payment?.id).toBe(plan.payment_id);
    expect(plan.attempts).toHaveLength(1);
  });

  it("a plan without the charges its flag asked for is an invalid response, naming them", async () => {
    const { hsrcpay } = clientWith(() => json(200, envelope(planWith("rp_1"))));
    const error = await rejectionOf(
      hsrcpay.routingPlans.retrieve("rp_1", { include_charges: true }),
    );
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect((error as Error).message).toContain("charges is required with include_charges=true");
  });

  it("without the flags, a plan without embeddings is the answer", async () => {
    const { hsrcpay } = clientWith(() => json(200, envelope(planWith("rp_1"))));
    const plan = await hsrcpay.routingPlans.retrieve("rp_1");
    expect(plan.id).toBe("rp_1");
    expect(Object.hasOwn(plan, "charges")).toBe(false);
  });

  it("a flag that is not a boolean is refused before sending", async () => {
    const { hsrcpay, calls } = clientWith(() => json(200, example));
    const error = await rejectionOf(
      hsrcpay.routingPlans.retrieve("rp_1", { include_charges: "yes" as never }),
    );
    expect((error as Error).name).toBe("HsrcpayValidationError");
    expect(calls).toHaveLength(0);
  });
});
