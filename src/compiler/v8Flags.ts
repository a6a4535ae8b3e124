// V8 settings for a process that exists to compile a vault: the CLI (and the benchmark, which measures it).
import { setFlagsFromString } from 'node:v8';

/**
 * TurboFan inlines less. Every parse worker compiles the same hot parser code for itself, and on two cores those
 * compiles took more CPU than the parse workers did in the parse's first second; with smaller inlined compiles,
 * mixed 10k and wiki 10k compiled 7% faster (BENCHMARKS.md, "Compile at 2f3b3af"). V8's flags are process-wide,
 * so the dev server and `vite build`, which compile inside Vite's process, leave them alone.
 */
export const COMPILE_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=200'] as const;

/** The flags to set: each of COMPILE_V8_FLAGS unless the person running Node set that flag already. */
export function compileV8FlagsToSet(execArgv: readonly string[], nodeOptions = ''): string[] {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map(flagName);
  return COMPILE_V8_FLAGS.filter((flag) => !given.includes(flagName(flag)));
}

/** `--no-x`, `--x=1` and `--x_y` all name flag `x`/`x-y`, as V8 reads them. */
const flagName = (flag: string): string => flag.replace(/=.*$/, '').replace(/^--(no-)?/, '').replaceAll('_', '-');

/** The flags applyCompileV8Flags set in this process. */
const applied: string[] = [];

/** Call before the compile starts its workers: they get the flags V8 has when they start. */
export function applyCompileV8Flags(): void {
  for (const flag of compileV8FlagsToSet(process.execArgv, process.env.NODE_OPTIONS)) {
    setFlagsFromString(flag);
    applied.push(flag);
  }
}

/**
 * The V8 flags in force here, as far as this process can tell (Node's own options among them): what the workers'
 * code cache is keyed by, since V8 refuses a cache made under other flags.
 */
export const v8FlagsInForce = (): string => [...process.execArgv, process.env.NODE_OPTIONS ?? '', ...applied].join(' ');
