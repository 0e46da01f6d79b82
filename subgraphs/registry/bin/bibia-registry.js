#!/usr/bin/env node
// First, before anything is loaded: V8 settings for a small, mostly idle server (leanV8.js).
const { afterStart } = require('./leanV8').applyLeanV8Flags();
require('../../../packages/core/bin/register');
require('../src/cli').run(process.argv, { afterStart });
