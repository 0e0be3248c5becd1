import { defineConformanceSuite } from './defineConformanceSuite.ts';

/** Part 3 of the conformance plan (see defineConformanceSuite.ts). */
await defineConformanceSuite(3);
