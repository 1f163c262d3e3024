import { normalize } from '../../text/normalize';

/**
 * Prompt-injection screening (the brief, rule 7; PRODUCT.md: "the page is
 * hostile input"). Scraped text is data: a sentence that reads like an order to
 * the classifier — to ignore its instructions, to change who it is, or to set a
 * stage, priority or score — is flagged and removed before any rule scores it.
 * Patterns need both an imperative and a classifier word, so ordinary sales
 * text ("we need to classify our inventory", "prioridad alta para la
 * migración") is left alone.
 */

const TARGET = String.raw`(?:sql|mql|p[1-4]|hot|caliente|qualified|calificad[oa]|cualificad[oa]|disqualified|descalificad[oa]|nurture|top priority|high priority|maxima prioridad|prioridad (?:alta|maxima|p[1-4]|1)|priority (?:1|one|high|p[1-4])|urgent[e]?|100)`;
const CLASSIFY_VERB = String.raw`(?:classify|classified|clasifica\w*|clasifique\w*|categoriz\w*|mark|marca\w*|marque\w*|label|etiqueta\w*|etiquete\w*|tag|treat|trata\w*|trate|rate|rank|score|puntua\w*|puntue\w*|consider|considera\w*|considere\w*|flag|return|devuelve|devuelva|output|respond|responde|responda|answer|set|pon|ponga|ponle|poner|establece\w*|asigna\w*|asigne\w*|assign|give|dale|da|make|haz|haga|upgrade|escalate|sube|suba|raise|change|cambia\w*|move|mueve|mark it|mark this)`;

const PATTERNS: readonly RegExp[] = [
  // "ignore (all) previous instructions", "ignora las instrucciones anteriores", "disregard the rules above"
  /\b(?:ignor\w*|disregard\w*|forget|olvid\w*|omit\w*|override|overrid\w*|bypass\w*|sobrescrib\w*|salta\w*|skip|no hagas caso|haz caso omiso|desobedece\w*)\b.{0,40}\b(?:instruc\w*|rules?|reglas?|prompts?|guidelines?|directrices|directivas|system|sistema|previous|previas?|previos?|anteriores?|above|prior|earlier|todo lo anterior|everything)\b/,
  // "classify this lead as SQL", "clasifica este lead como SQL", "mark it P1", "set priority to P1"
  new RegExp(String.raw`\b${CLASSIFY_VERB}\b.{0,40}\b(?:as|como|to|a|en|it|this|esto|este|esta|lead|contacto|prospecto)?\s*\(?["']?${TARGET}\b`),
  new RegExp(String.raw`\b${CLASSIFY_VERB}\b.{0,30}\b(?:priority|prioridad|stage|etapa|fase|score|puntuacion|scores|urgency|urgencia|fit|encaje|sla|classification|clasificacion)\b.{0,20}\b(?:to|a|en|como|as|=|:)?\s*["']?(?:p[1-4]|sql|mql|\d{1,3}|high|alta|maxima|max|urgent|urgente)\b`),
  // "this lead is SQL / must be P1", "este lead es SQL / debe ser P1"
  new RegExp(String.raw`\b(?:this|the|este|esta|el|la)\s+(?:lead|contact|contacto|prospect|prospecto|cliente|registro|record)\s+(?:is|es|must be|should be|debe ser|deberia ser|tiene que ser|has to be|will be|sera)\s+(?:an?\s+|un\s+|una\s+)?${TARGET}\b`),
  // "you are now…", "ahora eres…", "act as…", "pretend…", "from now on…"
  /\b(?:you are now|you're now|you are no longer|now you are|ahora eres|ahora tu eres|ya no eres|a partir de ahora eres|from now on|de ahora en adelante|a partir de ahora|act as an?|actua como|actuar como|pretend (?:to be|you)|finge (?:ser|que)|haz de cuenta|roleplay|role-play|simulate being)\b/,
  // role markers and chat-template tokens: "system:", "<|im_start|>", "[INST]", "### Instruction"
  /(?:^|[\s"'])(?:system|sistema|assistant|asistente|developer|user|usuario)\s*:/,
  /<\|?\s*(?:system|im_start|im_end|endoftext|assistant|user)\s*\|?>|\[\/?(?:inst|system|sys)\]|<<\s*sys\s*>>|#{2,}\s*(?:instruction|instruccion|system|sistema)|<\/?system>/,
  // "respond only with…", "responde solo con…", "output only JSON"
  /\b(?:respond|reply|answer|output|return|print|write|responde\w*|contesta\w*|devuelve|devuelva|escribe|imprime|genera)\s+(?:only|just|solo|solamente|unicamente|exclusivamente)\b/,
  /\b(?:only|solo|solamente|unicamente)\s+(?:respond|reply|answer|output|return|responde\w*|contesta\w*|devuelve)\b/,
  // "as an AI…", "como IA…", "as a language model"
  /\b(?:as an? (?:ai|a\.i\.|artificial intelligence|language model|llm|assistant|chatbot)|como (?:una? )?(?:ia|inteligencia artificial|modelo de lenguaje|asistente virtual|llm))\b/,
  // addressed to the machine: "note to the AI", "instrucción para el clasificador", "dear model"
  /\b(?:note|message|instruction|instructions|nota|mensaje|instruccion|instrucciones)\s+(?:to|for|para|al|a la)\s+(?:the\s+|el\s+|la\s+)?(?:ai|ia|model|modelo|classifier|clasificador|llm|assistant|asistente|bot|gpt|chatgpt|system|sistema)\b/,
  /\b(?:dear|hey|hola|querido|estimado)\s+(?:ai|ia|model|modelo|classifier|clasificador|llm|gpt|chatgpt|bot)\b/,
  /\b(?:new|nuevas?|updated|actualizadas?)\s+(?:instructions|instrucciones|rules|reglas|system prompt)\b|\b(?:system prompt|prompt del sistema|prompt de sistema|jailbreak|developer mode|modo desarrollador|do anything now|dan mode)\b/,
  // "you must classify…", "debes clasificar…"
  /\b(?:you must|you should|you have to|you will|debes|deberias|tienes que|has de|vas a)\s+(?:\w+\s+){0,2}(?:classif\w*|clasific\w*|mark|marc\w*|rate|puntu\w*|asign\w*|assign|prioritiz\w*|prioriz\w*|ignore|ignor\w*|obey|obedec\w*|respond|respond\w*)\b/,
];

/** Sentences, with the text between them kept so the cleaned text reads as written. */
const SENTENCE = /[^.!?;\n]*(?:[.!?;]+(?=\s|$)|\n|$)|[^\n]+/g;

function splitSentences(text: string): string[] {
  const out: string[] = [];
  let current = '';
  // Split after ".", "!", "?" or ";" followed by whitespace, and at line breaks; "$2.5M" and "v1.2" stay whole.
  for (const part of text.split(/(?<=[.!?;])(?=\s)|(?=\n)/)) {
    current += part;
    out.push(current);
    current = '';
  }
  if (current) out.push(current);
  return out;
}
void SENTENCE;

/** True when one sentence reads like an instruction to the classifier. */
export function isInjectionSentence(sentence: string): boolean {
  const norm = normalize(sentence);
  if (norm.length < 3) return false;
  for (const pattern of PATTERNS) if (pattern.test(norm)) return true;
  return false;
}

/** Rule 7: flags instruction-like text and returns it without those sentences. */
export function findInjection(text: string): { flagged: boolean; cleaned: string } {
  if (typeof text !== 'string' || text.length === 0) return { flagged: false, cleaned: typeof text === 'string' ? text : '' };
  let flagged = false;
  const kept: string[] = [];
  for (const sentence of splitSentences(text)) {
    if (isInjectionSentence(sentence)) flagged = true;
    else kept.push(sentence);
  }
  if (!flagged) return { flagged: false, cleaned: text };
  return { flagged: true, cleaned: kept.join('').replace(/[ \t]{2,}/g, ' ').replace(/\n{3,}/g, '\n\n').trim() };
}
