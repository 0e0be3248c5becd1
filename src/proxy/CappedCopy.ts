import { Transform, type TransformCallback } from 'node:stream';

/**
 * A pass-through stream that keeps a copy of the first `cap` bytes: the bytes flow on unchanged (with
 * backpressure), the copy is for judging, so memory stays bounded whatever the body's size.
 */
export class CappedCopy extends Transform {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Bytes that passed, kept or not. */
  total = 0;

  constructor(private readonly cap: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.total += chunk.length;
    if (this.kept < this.cap) {
      const part = chunk.subarray(0, this.cap - this.kept);
      // A copy, not a view: a view would pin the whole chunk (and its pool) in memory.
      this.chunks.push(Buffer.from(part));
      this.kept += part.length;
    }
    callback(null, chunk);
  }

  /** True once more than `cap` bytes passed. */
  get truncated(): boolean {
    return this.total > this.cap;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
