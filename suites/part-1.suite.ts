import { defineConformanceSuite } from './defineConformanceSuite.ts';

/** Part 1 of the conformance plan (see defineConformanceSuite.ts). */
await defineConformanceSuite(1);
