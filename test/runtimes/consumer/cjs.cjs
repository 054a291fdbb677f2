// `node|bun cjs.cjs MOCK_URL`, `deno run … cjs.cjs MOCK_URL`: the package required as CommonJS.
const lib = require("@hsrcpay/client");
const { probe } = require("./probe.cjs");

probe(lib, process.argv[2]).then((report) => console.log(JSON.stringify(report)));
