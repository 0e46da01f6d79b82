#!/usr/bin/env node
require('../../kit/bin/register');
require('../src/cli').run(process.argv);
