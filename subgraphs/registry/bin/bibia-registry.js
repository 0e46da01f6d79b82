#!/usr/bin/env node
require('../../../packages/core/bin/register');
require('../src/cli').run(process.argv);
