// Hands the browser tests the few settings they take from the environment:
// FUZZ_SEED (replay or vary the fuzzing) and FUZZ_RUNS (inputs per property).
export function envPlugin() {
  return {
    name: 'pw-test-env',
    executeCommand({ command }) {
      if (command !== 'pw-fuzz-settings') return undefined;
      const number = (name) => {
        const value = process.env[name];
        if (value === undefined || value === '') return undefined;
        if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, not "${value}"`);
        return Number(value);
      };
      return { seed: number('FUZZ_SEED'), runs: number('FUZZ_RUNS') };
    },
  };
}
