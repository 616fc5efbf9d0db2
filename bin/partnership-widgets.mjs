#!/usr/bin/env node
// The repository's own shim for the command line, which is the partnership-widgets-cli
// package in src/cli (built by `npm run build`). Users install partnership-widgets-cli.
import { run } from '../src/cli/dist/main.js';

process.exitCode = await run(process.argv.slice(2));
