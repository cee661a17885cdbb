#!/usr/bin/env node
import { runProcess } from '../dist/src/cli/main.js';

await runProcess();
