import { basename } from 'node:path';

/** The names a config file gives a document by: its file name without extension, with or without `.openapi` (`huawei-dc`, `huawei-dc.openapi`). */
export function documentKeys(file: string): string[] {
  return [...new Set([basename(file).replace(/\.(ya?ml|json)$/i, ''), basename(file).replace(/(\.openapi)?\.(ya?ml|json)$/i, '')])];
}
