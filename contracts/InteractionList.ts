import type { InteractionDefinition } from './InteractionDefinition.ts';

/**
 * The interactions of one contract: a request already promised is not added twice (Pact keys an
 * interaction by its description, and two with one request would be one promise said twice), and a
 * description already taken gets a number (`(2)`).
 */
export class InteractionList {
  private readonly out: InteractionDefinition[] = [];
  private readonly seenRequests = new Set<string>();
  private readonly seenDescriptions = new Set<string>();

  add(definition: Omit<InteractionDefinition, 'description'>, description: string): void {
    const key = JSON.stringify([definition.request.method, definition.request.path, definition.request.query, definition.request.headers, definition.request.body]);
    if (this.seenRequests.has(key)) return;
    this.seenRequests.add(key);
    let unique = description;
    for (let n = 2; this.seenDescriptions.has(unique); n++) unique = `${description} (${n})`;
    this.seenDescriptions.add(unique);
    this.out.push({ ...definition, description: unique });
  }

  list(): InteractionDefinition[] {
    return [...this.out];
  }
}
