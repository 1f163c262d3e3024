import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { pureContracts } from './mark-pure';

// Every bundle of the extension keeps, and builds at load, only the lib/contracts schemas it uses (./mark-pure.ts).
export default defineWxtModule({
  name: 'pulso:pure-contracts',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [pureContracts()] }));
  },
});
