/**
 * Long work in slices: parsing and checking are written as generators that yield at points where they may pause
 * (between rules, every so many lines), so that the same code runs all at once (the CLI, Fix All, tests) or in
 * slices of a few milliseconds with a pause between them (the server, so that other requests are answered while a
 * big document is checked, and a computation made stale by a newer version stops at the next pause).
 */

/** How work in slices shares the thread. */
export interface SliceOptions {
  /** Asked at every pause: true abandons the work (a newer version arrived, nobody waits any more). */
  stopped: () => boolean;
  /** Works for about this long before pausing (default {@link SLICE_MS}). */
  sliceMs?: number;
  /** Lets other work run (default: three `setImmediate` turns, after pending I/O). */
  pause?: () => Promise<void>;
}

/** Milliseconds of work between two pauses: short enough for a request to wait little, long enough to add nothing on a résumé. */
export const SLICE_MS = 8;

/**
 * Three turns of the event loop: a request read meanwhile is handled and its answer written before the work goes on
 * (vscode-jsonrpc handles a message, then writes its answer, each in a turn of its own).
 */
const nextTurns = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));

/** All the steps at once: the generator's result. */
export function runToEnd<T>(steps: Iterator<void, T, void>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * Runs `step` (one step of some work: its result when the work is done, else undefined) for `sliceMs` at a time,
 * pausing between slices; undefined when `options.stopped()` says so at a pause. Work shorter than a slice runs
 * without any pause.
 */
export async function runInSlices<T>(step: () => T | undefined, options: SliceOptions): Promise<T | undefined> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const pause = options.pause ?? nextTurns;
  let sliceStart = performance.now();
  for (;;) {
    const result = step();
    if (result !== undefined) return result;
    if (performance.now() - sliceStart < sliceMs) continue;
    await pause();
    if (options.stopped()) return undefined;
    sliceStart = performance.now();
  }
}

/** {@link runInSlices} over a generator's steps. */
export function generatorInSlices<T>(steps: Iterator<void, T, void>, options: SliceOptions): Promise<T | undefined> {
  return runInSlices(() => {
    const step = steps.next();
    return step.done ? step.value : undefined;
  }, options);
}
