#!/usr/bin/env node
// The partnership-widgets command line: see `partnership-widgets --help` and the README.
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
