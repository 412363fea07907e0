// Preloaded (--require) into a CLI child by runCli({ peakMemory: true }): on exit, writes the process's peak memory
// (getrusage maxRSS, in KB, worker threads included) to the file named by NEURON_PEAK_MEMORY_FILE.
const fs = require('node:fs');

const file = process.env.NEURON_PEAK_MEMORY_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
