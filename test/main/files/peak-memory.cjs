// Preloaded into a CLI process (NODE_OPTIONS=--require): writes its peak resident memory, in KB, to the file named by
// NEURON_PEAK_MEMORY_FILE when it exits.
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.NEURON_PEAK_MEMORY_FILE;
  if (file) fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
