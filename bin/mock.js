#!/usr/bin/env node
// Development entry, like bin/conformance.js: runs bin/mock.ts from the sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./mock.ts');
