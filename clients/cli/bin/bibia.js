#!/usr/bin/env node
require("../../../subgraphs/kit/bin/register");
require("../src/main").run(process.argv);
