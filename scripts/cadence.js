#!/usr/bin/env node
// The `cadence` command (package.json "bin"): loads the TypeScript CLI through tsx.
'use strict';
require('tsx/cjs');
require('./cadence.ts');
