// `node|bun cjs.cjs MOCK_URL`, `deno run … cjs.cjs MOCK_URL`: the package required as CommonJS.
const lib = require("@hsrcpay/client");
const testing = require("@hsrcpay/client/testing");
const { probe } = require("./probe.cjs");

probe(lib, process.argv[2], testing).then((report) => console.log(JSON.stringify(report)));
