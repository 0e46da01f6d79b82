#!/usr/bin/env node
require('../../../packages/core/bin/register');
require("../src/main").run(process.argv);
