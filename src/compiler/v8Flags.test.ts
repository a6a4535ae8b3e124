import { describe, expect, it } from 'vitest';
import { COMPILE_V8_FLAGS, compileV8FlagsToSet } from './v8Flags.ts';

describe('compileV8FlagsToSet', () => {
  it('sets the compile flags when Node was started without them', () => {
    expect(compileV8FlagsToSet(['--import', 'tsx'], '--max-old-space-size=4096')).toEqual([...COMPILE_V8_FLAGS]);
  });

  it('leaves a flag the person set on the command line or in NODE_OPTIONS, however it is spelt', () => {
    expect(compileV8FlagsToSet(['--max-inlined-bytecode-size-cumulative=920'])).toEqual([]);
    expect(compileV8FlagsToSet([], '--max_inlined_bytecode_size_cumulative=920')).toEqual([]);
    expect(compileV8FlagsToSet(['--no-max-inlined-bytecode-size-cumulative'])).toEqual([]);
  });

  it('does not take a longer flag for ours', () => {
    expect(compileV8FlagsToSet(['--max-inlined-bytecode-size=460'])).toEqual([...COMPILE_V8_FLAGS]);
  });
});
