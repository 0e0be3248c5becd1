/** A sample that replaces the whole request body with these bytes, sent as they are (not JSON-encoded). */
export class RawBody {
  constructor(readonly text: string) {}
}
