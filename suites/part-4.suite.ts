import { defineConformanceSuite } from './defineConformanceSuite.ts';

/** Part 4 of the conformance plan (see defineConformanceSuite.ts). */
await defineConformanceSuite(4);
