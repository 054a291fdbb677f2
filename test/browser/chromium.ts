// Headless Chromium from Debian's `chromium` package, driven by playwright-core (which never
// downloads a browser of its own). Flags: run as root in a closed network without phoning home;
// playwright gives every launch a fresh, empty profile of its own.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export async function launchChromium(
  chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install Debian's package with ` +
        "`sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
