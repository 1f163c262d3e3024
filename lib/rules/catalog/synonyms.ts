/**
 * Product words that mean the same thing in Spanish and English (and between Spain and Latin
 * America), so a customer who writes "portable speaker" finds "Bocina portátil" and "audífonos"
 * finds "auriculares". Each group is one meaning; every word is normalised (no accents). The
 * list is of common retail goods and their attributes, not of any one shop's catalog.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['speaker', 'speakers', 'bocina', 'bocinas', 'altavoz', 'altavoces', 'parlante', 'parlantes'],
  ['headphones', 'headphone', 'earphones', 'earbuds', 'headset', 'audifonos', 'audifono', 'auriculares', 'auricular', 'cascos'],
  ['charger', 'chargers', 'cargador', 'cargadores'],
  ['case', 'cover', 'funda', 'fundas', 'carcasa', 'estuche'],
  ['battery', 'batteries', 'bateria', 'baterias', 'pila', 'pilas', 'powerbank', 'power bank'],
  ['cable', 'cables', 'cord', 'wire', 'cableado'],
  ['phone', 'cellphone', 'smartphone', 'mobile', 'celular', 'movil', 'telefono'],
  ['wireless', 'inalambrico', 'inalambricos', 'inalambrica', 'inalambricas', 'bluetooth', 'bt'],
  ['portable', 'portatil', 'portatiles'],
  ['waterproof', 'water-resistant', 'resistente al agua', 'impermeable', 'contra agua', 'sumergible'],
  ['fast', 'rapido', 'rapida', 'quick'],
  ['ladder', 'ladders', 'escalera', 'escaleras', 'stepladder'],
  ['step', 'steps', 'peldano', 'peldanos', 'escalon', 'escalones'],
  ['aluminum', 'aluminium', 'aluminio'],
  ['cement', 'cemento'],
  ['drill', 'drills', 'taladro', 'taladros'],
  ['paint', 'paints', 'pintura', 'pinturas'],
  ['gallon', 'gallons', 'galon', 'galones'],
  ['white', 'blanco', 'blanca', 'blancos', 'blancas'],
  ['black', 'negro', 'negra', 'negros', 'negras'],
  ['pipe', 'pipes', 'tube', 'tubo', 'tubos', 'tuberia', 'caneria'],
  ['hose', 'hoses', 'manguera', 'mangueras'],
  ['garden', 'jardin'],
  ['roll', 'rolls', 'rollo', 'rollos', 'bobina'],
  ['electric', 'electrical', 'electrico', 'electrica'],
  ['mattress', 'mattresses', 'colchon', 'colchones'],
  ['pillow', 'pillows', 'almohada', 'almohadas'],
  ['sofa', 'sofas', 'couch', 'sillon'],
  ['bed', 'beds', 'cama', 'camas'],
  ['memory foam', 'viscoelastico', 'viscoelastica', 'visco'],
  ['fiber', 'fibre', 'fibra'],
  ['storage bed', 'canape', 'canapes'],
  ['folding', 'abatible', 'plegable'],
  ['sunscreen', 'sunblock', 'sun cream', 'protector solar', 'bloqueador', 'bloqueador solar', 'spf'],
  ['serum', 'serums', 'suero'],
  ['cream', 'creams', 'crema', 'cremas'],
  ['night', 'noche', 'nocturna', 'nocturno'],
  ['oil', 'oils', 'aceite', 'aceites'],
  ['facial', 'face', 'cara', 'rostro'],
  ['moisturizing', 'hydrating', 'hidratante', 'hidratantes'],
  ['shears', 'pruners', 'secateurs', 'tijeras', 'tijera', 'podadora'],
  ['pruning', 'poda', 'podar'],
  ['soil', 'potting mix', 'compost', 'sustrato', 'tierra'],
  ['mulch', 'acolchado', 'corteza'],
  ['barrel', 'barrels', 'barril', 'tonel', 'deposito'],
  ['rain', 'lluvia'],
  ['bed kit', 'kit'],
  ['raised bed', 'bancal', 'bancal elevado', 'huerto elevado'],
  ['irrigation', 'riego', 'goteo', 'drip'],
  ['chair', 'chairs', 'silla', 'sillas'],
  ['desk', 'desks', 'escritorio', 'escritorios', 'mesa de trabajo'],
  ['table', 'tables', 'mesa', 'mesas'],
  ['lamp', 'lamps', 'lampara', 'lamparas'],
  ['bulb', 'bulbs', 'bombilla', 'bombillas', 'foco', 'focos'],
  ['screw', 'screws', 'tornillo', 'tornillos'],
  ['nail', 'nails', 'clavo', 'clavos'],
  ['hammer', 'martillo'],
  ['saw', 'sierra', 'serrucho'],
  ['glue', 'pegamento', 'adhesivo', 'cola'],
  ['shoe', 'shoes', 'sneakers', 'zapato', 'zapatos', 'zapatillas', 'tenis'],
  ['jacket', 'chaqueta', 'chamarra', 'campera'],
  ['backpack', 'mochila'],
  ['printer', 'impresora'],
  ['monitor', 'pantalla', 'screen'],
  ['keyboard', 'teclado'],
  ['mouse', 'raton'],
  ['router', 'enrutador', 'modem'],
];

const CANONICAL = new Map<string, string>();
for (const group of GROUPS) for (const word of group) CANONICAL.set(word, group[0]!);

/** Multi-word entries ("resistente al agua", "power bank"), longest first, for a phrase pass before the token pass. */
export const PHRASES: ReadonlyArray<readonly [string, string]> = [...CANONICAL.entries()].filter(([w]) => w.includes(' ')).sort((a, b) => b[0].length - a[0].length);

/** The meaning of one normalised word: its group's first word, or undefined when no group has it. */
export function canonicalWord(word: string): string | undefined {
  return CANONICAL.get(word);
}
