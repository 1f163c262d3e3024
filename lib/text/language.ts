import { normalize } from './normalize';

export type Language = 'es' | 'en';

// Function words that occur in one language only (shared ones like "no", "a", "me" are left out).
const SPANISH = new Set(
  ('de la el los las del que y en por para con una un es esta este estos estas somos tenemos necesitamos ' +
    'nuestro nuestra nuestros nuestras su sus se al lo pero muy mas como cuando donde hola gracias buenos buenas ' +
    'dias empresa empresas queremos quisieramos estamos hemos han hay sobre desde hasta tambien porque si ya ' +
    'usted ustedes ser sido fue son unos unas le les mi mis nos todo todos todas otra otro ' +
    'gerente jefe jefa directora fundador fundadora propietario propietaria dueno duena ingeniero ingeniera ' +
    'desarrollador desarrolladora tecnico analista asistente presidente presidenta sistemas ventas compras').split(' '),
);
const ENGLISH = new Set(
  ('the and of to in is are we our for with this that these those have has need needs want would could should ' +
    'hello hi thanks thank you your from about be been was were will can an it its at by on or not do does ' +
    'company looking please us they their there which what when where who how all any some into').split(' '),
);
const SPANISH_MARKS = /[áéíóúñ¿¡ü]/gi;

/** 'es' when Spanish function words (and accents, ñ, ¿, ¡) outweigh English ones; 'en' otherwise or when unsure. */
export function detectLanguage(text: string): Language {
  if (typeof text !== 'string' || text.length === 0) return 'en';
  const sample = text.length > 4_000 ? text.slice(0, 4_000) : text;
  let es = (sample.match(SPANISH_MARKS)?.length ?? 0) * 0.5;
  let en = 0;
  for (const word of normalize(sample).split(/[^a-z]+/)) {
    if (SPANISH.has(word)) es += 1;
    else if (ENGLISH.has(word)) en += 1;
  }
  return es > en ? 'es' : 'en';
}
