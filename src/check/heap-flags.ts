import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags that keep the heap of a long stream of checks near the size a short one reaches. A
 * stream's live data is a few MB, but V8 lets the old generation grow to about four times what
 * survived the last collection, and doubles the young generation (to 32 MB on Node 20, 64 MB on
 * 22+) under a steady rate of survivors: a million lines peaked at 150-260 MB where ten thousand
 * took 90-110. The flags are read at every collection, so setting them at run time takes effect,
 * process-wide, for every isolate.
 */
const FLAT_HEAP_FLAGS = ['--heap-growing-percent=30', '--semi-space-growth-factor=1'];

let held = false;

/** Holds the heap flat from now on (see FLAT_HEAP_FLAGS); `bench/jsonl-throughput.ts` measures the memory and the speed. */
export function holdHeapFlat(): void {
  held = true;
  for (const flag of FLAT_HEAP_FLAGS) setFlagsFromString(flag);
}

/**
 * Sets the flags again once a worker thread has started, if they are held. Starting a worker
 * undid the flags set at run time, for every thread: set only once, they held until the first
 * symbolic line, and then the young generations of the main thread and the workers grew to their
 * maximum (measured on Node 20: the main thread's new space stayed at 2 MB with the flag set
 * after the worker was online, and grew to 32 MB with it set before).
 */
export function reapplyHeapFlags(): void {
  if (held) for (const flag of FLAT_HEAP_FLAGS) setFlagsFromString(flag);
}
