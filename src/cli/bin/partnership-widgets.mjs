#!/usr/bin/env node
// The partnership-widgets command line: see `partnership-widgets --help` and the README.
import { run } from '../dist/main.js';

process.exitCode = await run(process.argv.slice(2));
