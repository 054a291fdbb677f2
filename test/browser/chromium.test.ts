import { describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.js";

describe("launching Chromium", () => {
  it("fails, saying how to install it, when it is missing", async () => {
    await expect(launchChromium("/nonexistent/chromium")).rejects.toThrow(
      /Chromium not found at \/nonexistent\/chromium.*apt-get install -y chromium.*CHROMIUM_PATH/,
    );
  });
});
