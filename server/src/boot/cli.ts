#!/usr/bin/env node
// dist/cli.js: the `vita` command (dist/cli-main.js), started through the code cache (boot.ts).
import { boot } from './boot';

boot('cli-main.js');
