import { additionalPropertiesKeyword } from './additionalPropertiesKeyword.ts';
import { atLeastOneKeyword } from './atLeastOneKeyword.ts';
import { dependentRequiredKeyword } from './dependentRequiredKeyword.ts';
import { enumKeyword } from './enumKeyword.ts';
import { itemsKeyword } from './itemsKeyword.ts';
import type { Keyword } from './Keyword.ts';
import { lengthKeyword } from './lengthKeyword.ts';
import { mediaTypeKeyword } from './mediaTypeKeyword.ts';
import { multipleOfKeyword } from './multipleOfKeyword.ts';
import { patternKeyword } from './patternKeyword.ts';
import { propertyCountKeyword } from './propertyCountKeyword.ts';
import { rangeKeyword } from './rangeKeyword.ts';
import { requiredKeyword } from './requiredKeyword.ts';
import { typeKeyword } from './typeKeyword.ts';

/**
 * Every keyword family, in catalogue order, which is also the order their valid sides narrow random
 * values. Order matters twice: the at-least-one group comes before `required`, because it claims the
 * `required` issues of its own branches; the member counts come after every keyword that adds members,
 * so that a drawn object is trimmed to `maxProperties` last. A new keyword is one module and one line here.
 */
export const keywordRegistry: readonly Keyword[] = [
  typeKeyword,
  lengthKeyword,
  rangeKeyword,
  multipleOfKeyword,
  enumKeyword,
  patternKeyword,
  itemsKeyword,
  additionalPropertiesKeyword,
  atLeastOneKeyword,
  requiredKeyword,
  dependentRequiredKeyword,
  propertyCountKeyword,
  mediaTypeKeyword,
];
