#!/usr/bin/env node
// Development entry: runs bin/conformance.ts from the sources through tsx (no build needed). The package
// publishes the compiled dist/bin/conformance.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./conformance.ts');
