# Two Workers from one bundle (worker.js, built from worker.mjs as wrangler would), served by
# workerd on 127.0.0.1. scripts/test-runtimes.ts fills in the {{…}} placeholders.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "defaults", worker = .defaults),
    (name = "noNodeCompat", worker = .noNodeCompat),
    # Outbound fetch may reach loopback only, where the mock is.
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [
    (name = "defaults", address = "127.0.0.1:{{DEFAULTS_PORT}}", http = (), service = "defaults"),
    (name = "noNodeCompat", address = "127.0.0.1:{{NO_NODE_COMPAT_PORT}}", http = (), service = "noNodeCompat"),
  ],
);

# Today's defaults: nodejs_compat is on by default since 2026-08-04, so process.env holds the
# Worker's text and secret bindings (HSRCPAY_API_KEY among them).
const defaults :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "{{COMPATIBILITY_DATE}}",
  bindings = [
    (name = "MOCK_URL", text = "{{MOCK_URL}}"),
    (name = "HSRCPAY_API_KEY", text = "{{HSRCPAY_API_KEY}}"),
  ],
  globalOutbound = "loopback",
);

# Without nodejs_compat (as older Workers run): no process.versions, no env in process.env; the
# guard must still see a server (navigator.userAgent is "Cloudflare-Workers").
const noNodeCompat :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "{{COMPATIBILITY_DATE}}",
  compatibilityFlags = ["no_nodejs_compat"],
  bindings = [
    (name = "MOCK_URL", text = "{{MOCK_URL}}"),
    (name = "HSRCPAY_API_KEY", text = "{{HSRCPAY_API_KEY}}"),
  ],
  globalOutbound = "loopback",
);
