import { defineConformanceSuite } from './defineConformanceSuite.ts';

/** Part 2 of the conformance plan (see defineConformanceSuite.ts). */
await defineConformanceSuite(2);
