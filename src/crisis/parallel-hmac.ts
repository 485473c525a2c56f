/**
 * HMAC-SHA256 of many texts on two threads: checking every chain of a plan hashes every entry of the log (50,000 at
 * 1,000 incidents), and the hashing, not the checking, is the larger part of the work. The texts are split in two;
 * this thread hashes the first half while one long-lived worker hashes the second. Small batches stay on this thread,
 * where the hand-over would cost more than it saves.
 *
 * The worker's code is plain JavaScript given as text, so it runs the same under tsx, in tests and in a bundle. It is
 * started on first use and holds the process open only while it has work.
 */
import { createHmac, type KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** Below this many texts, one thread is faster than two. */
const PARALLEL_FROM = 4000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHmac, createSecretKey } = require('node:crypto');
const key = createSecretKey(Buffer.from(workerData.key));
parentPort.on('message', ({ id, texts }) => {
  const hashes = new Array(texts.length);
  for (let i = 0; i < texts.length; i++) hashes[i] = createHmac('sha256', key).update(texts[i]).digest('hex');
  parentPort.postMessage({ id, hashes });
});
`;

export class ParallelHmac {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (hashes: string[]) => void; reject: (error: Error) => void }>();

  constructor(private readonly key: KeyObject) {}

  private hashHere(texts: readonly string[], from: number, to: number, out: string[]): void {
    for (let i = from; i < to; i++) out[i] = createHmac('sha256', this.key).update(texts[i]!).digest('hex');
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { key: this.key.export() } });
    worker.on('message', ({ id, hashes }: { id: number; hashes: string[] }) => {
      this.waiting.get(id)?.resolve(hashes);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
      this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`Kontrolsummernes hjælpetråd stoppede (kode ${code}).`)));
    this.worker = worker;
    return worker;
  }

  /** The HMAC-SHA256 (hex) of each text, in order. */
  async hashAll(texts: readonly string[]): Promise<string[]> {
    const out = new Array<string>(texts.length);
    if (texts.length < PARALLEL_FROM) {
      this.hashHere(texts, 0, texts.length, out);
      return out;
    }
    const half = Math.ceil(texts.length / 2);
    const id = this.nextId++;
    const theirs = new Promise<string[]>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    const worker = this.started();
    // Held open while it works for us, so an awaited check is not cut short; let go again once idle.
    worker.ref();
    worker.postMessage({ id, texts: texts.slice(half) });
    this.hashHere(texts, 0, half, out);
    const rest = await theirs;
    for (let i = 0; i < rest.length; i++) out[half + i] = rest[i]!;
    return out;
  }

  /** Stops the worker (tests and shutdown; an idle worker does not hold the process open anyway). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
