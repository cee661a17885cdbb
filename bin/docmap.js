#!/usr/bin/env node
import { runProcess } from '../dist/bundle/docmap.js';

await runProcess();
