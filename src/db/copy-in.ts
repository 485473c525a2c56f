import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * A `COPY … FROM STDIN` into PostgreSQL on a pooled connection of its own, fed text in COPY's text format (tab between
 * fields, newline after a row) with back-pressure. The connection is taken on the first write and given back by
 * `end` or `abort`; `abort` makes the server discard every row it received. The query builder does not speak COPY.
 */
export class CopyIn {
  private client: pg.PoolClient | null = null;
  private stream: Writable | null = null;
  private done: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly statement: string,
  ) {}

  private async open(): Promise<Writable> {
    if (this.stream) return this.stream;
    this.client = await this.pool.connect();
    const stream = this.client.query(copyFrom(this.statement));
    this.done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    // Keep an early error from being unhandled; it is raised again where the stream is awaited.
    this.done.catch(() => undefined);
    this.stream = stream;
    return stream;
  }

  /** Sends rows already written in COPY's text format; waits when the server is behind. */
  async write(text: string): Promise<void> {
    const stream = await this.open();
    if (!stream.write(text)) {
      await new Promise<void>((resolve, reject) => {
        stream.once('drain', resolve);
        stream.once('error', reject);
      });
    }
  }

  /** Ends the COPY and waits for the server to take every row. Nothing happens when nothing was written. */
  async end(): Promise<void> {
    if (!this.stream) return;
    this.stream.end();
    try {
      await this.done;
    } finally {
      this.release();
    }
  }

  /** Ends the COPY with an error, so the server keeps none of its rows. */
  async abort(): Promise<void> {
    if (!this.stream) return;
    (this.stream as Writable & { destroy(error?: Error): void }).destroy(new Error('Importen blev afbrudt'));
    await this.done?.catch(() => undefined);
    this.release(true);
  }

  private release(broken = false): void {
    this.client?.release(broken || undefined);
    this.client = null;
    this.stream = null;
  }
}
