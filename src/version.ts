// The package's version, for the User-Agent. `npm version` rewrites it (scripts/write-version.mjs,
// the "version" script); test/unit/user-agent.test.ts fails when it differs from package.json.
export const version = "0.2.0";
