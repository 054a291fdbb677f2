// `fetchOptions` with a proxy, as a platform behind a corporate proxy sets it on Node: undici's
// ProxyAgent as the dispatcher, through a CONNECT proxy on 127.0.0.1 to a server on 127.0.0.1. The
// client's own init still wins: a redirect through the proxy is not followed.
import { createServer, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { ProxyAgent, fetch as undiciFetch } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { createHsrcpayClient, HsrcpayRedirectError } from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { token } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";

let server: FaultServer | undefined;
let proxy: Server | undefined;
let agent: ProxyAgent | undefined;
afterEach(async () => {
  await agent?.close();
  await server?.close();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  proxy?.closeAllConnections();
  [server, proxy, agent] = [undefined, undefined, undefined];
});

/** An HTTP proxy that tunnels CONNECT to 127.0.0.1 only, and records what it was asked for. */
async function startProxy(): Promise<{ url: string; tunnels: string[] }> {
  const tunnels: string[] = [];
  proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on("connect", (req, client, head) => {
    tunnels.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    if (host !== "127.0.0.1") return client.end("HTTP/1.1 403 Forbidden\r\n\r\n");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, tunnels };
}

describe("fetchOptions: a proxy on Node", () => {
  it("sends every request through the proxy's tunnel, with the client's credential", async () => {
    server = await startFaultServer((res) =>
      sendJson(res, 200, { message: "success", success: true, data: [] }),
    );
    const { url, tunnels } = await startProxy();
    agent = new ProxyAgent(url);
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: server.baseUrl,
      fetch: undiciFetch as unknown as typeof fetch,
      fetchOptions: { dispatcher: agent },
    });
    const page = await hsrcpay.accounts.list();
    expect(page.data).toEqual([]);
    expect(tunnels).toEqual([new URL(server.baseUrl).host]);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(server.requests[0]?.headers["user-agent"]).toMatch(/^@hsrcpay\/client\/\S+ node\//);
  });

  it("a redirect through the proxy is still not followed", async () => {
    server = await startFaultServer((res) => {
      res.writeHead(307, { location: "http://127.0.0.1:9/elsewhere" });
      res.end();
    });
    const { url } = await startProxy();
    agent = new ProxyAgent(url);
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: server.baseUrl,
      fetch: undiciFetch as unknown as typeof fetch,
      fetchOptions: { dispatcher: agent },
    });
    expect(await rejectionOf(hsrcpay.accounts.list())).toBeInstanceOf(HsrcpayRedirectError);
    expect(server.requests).toHaveLength(1);
  });
});
