// What a cluster worker runs when the primary bundled the backend (worker-bundle.ts): the CLI, as bin/pulso.js runs it.
import { main } from '../cli/main';

process.exitCode = await main(process.argv.slice(2));
