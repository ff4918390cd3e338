#!/usr/bin/env node
// pm2's entry (ecosystem.config.js): builds first when the build is missing or older than the code,
// then runs the product in this same process, so pm2's signals and exit codes reach it unchanged.
'use strict';
require('./ensure-build.js');
require('../dist/src/main.js').main();
