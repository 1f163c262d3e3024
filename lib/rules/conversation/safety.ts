import { normalize } from '../../text/normalize';
import { isInjectionSentence, screeningForm } from '../safety/injection';

/**
 * Conversation-specific screening on top of lib/rules/safety/injection.ts: a customer message
 * is data. A sentence that gives the assistant orders (about the triage itself: intent,
 * escalation, resolution) or claims authority is an injection; a request for another
 * customer's data is flagged apart (it is refused and escalated, never answered).
 */
const TRIAGE_FIELD = String.raw`(?:intent|intencion|intention|department|departamento|sentiment|sentimiento|conformity|conformidad|retention|retencion|quadrant|cuadrante|priority|prioridad|escalation|escalamiento)`;
const CONVERSATION_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:set|change|cambia\w*|pon|ponga|marca\w*|mark|classify|clasifica\w*|make|haz|asigna\w*|assign|switch)\b.{0,30}\b${TRIAGE_FIELD}\b`),
  /\b(?:do not|don't|dont|never|no|nunca)\s+(?:escalate|escales|escalar|escale|transfer|transfieras|derives)\b/,
  /\b(?:mark|marca|marcar|close|cierra|cerrar)\s+(?:this|the|esta|este|la|el)\s+(?:conversation|chat|ticket|case|conversacion|caso)\s+(?:as|como)\b/,
  /\b(?:i am|i'm|im|soy|habla)\s+(?:the|your|el|la|su|tu|un|una)?\s*(?:admin|administrator|administrador[a]?|developer|desarrollador[a]?|owner of this bot|dueno del bot|supervisor del bot|sysadmin|root)\b/,
  /\b(?:reveal|revela\w*|show|muestra\w*|print|imprime|dump|export\w*|exporta\w*)\s+(?:me\s+)?(?:your|tu|tus|the|el|la|los|las)?\s*(?:system prompt|prompt|instructions|instrucciones|database|base de datos|customer list|lista de clientes)\b/,
];

/** True when one customer sentence reads like an order to the assistant (lead patterns or triage patterns). */
export function isConversationInjection(sentence: string): boolean {
  if (isInjectionSentence(sentence)) return true;
  const norm = screeningForm(sentence);
  return CONVERSATION_PATTERNS.some((p) => p.test(norm));
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?;])(?=\s)|(?=\n)|(?<=\])\s+/);
}

/** The message without injection sentences, and whether any was found. */
export function screenMessage(text: string): { flagged: boolean; cleaned: string } {
  let flagged = false;
  const kept: string[] = [];
  for (const sentence of splitSentences(text)) {
    if (isConversationInjection(sentence)) flagged = true;
    else kept.push(sentence);
  }
  return flagged ? { flagged, cleaned: kept.join(' ').replace(/\s{2,}/g, ' ').trim() } : { flagged, cleaned: text };
}

const DATA = String.raw`(?:datos|dato|telefono|telefonos|numero|direccion|direcciones|saldo|saldos|estado de cuenta|correo|correos|email|emails|informacion|historial|cuenta|cuentas|pedidos|pedido|compras|deuda|deudas|facturas|details|data|info|information|phone|phones|number|numbers|address|addresses|balance|balances|statement|statements|history|orders|order|account|accounts|purchases|invoices|contact)`;
const OTHER_ES = String.raw`(?:del cliente|de otro cliente|de otros clientes|de otra persona|de un tercero|de (?:todos )?los clientes|de (?:todos )?sus clientes|de todos los usuarios|de (?:mi|un|una|su) (?:vecin[oa]|amig[oa]|compadre|comadre|conocid[oa]|jefe|jefa|companer[oa]|cunad[oa]|herman[oa]|prim[oa]|espos[oa]|marido|mujer|novi[oa]|suegr[oa]|padre|madre|hij[oa]|ti[oa]|sobrin[oa]|pareja))`;
/** v3: "what my brother-in-law bought" — another person's purchases asked by relation. */
const RELATIVE_PURCHASES = String.raw`\b(?:que|lo que|what|which)\s+(?:compro|compraron|pidio|pidieron|bought|ordered|purchased)\s+(?:mi|my)\s+(?:vecin[oa]|amig[oa]|compadre|comadre|conocid[oa]|jefe|jefa|companer[oa]|cunad[oa]|herman[oa]|prim[oa]|espos[oa]|marido|mujer|novi[oa]|suegr[oa]|padre|madre|hij[oa]|ti[oa]|sobrin[oa]|pareja|neighbou?r|friend|boss|brother|sister|wife|husband|partner|cousin|mother|father|son|daughter|ex)\b`;
const OTHER_EN = String.raw`(?:of|for|from|about)\s+(?:(?:all|another|other|your|the other|some other|a different|all of your|all your|all the|every)\s+)+(?:customers?|clients?|users?)|(?:of|for|from|about)\s+my\s+(?:neighbou?r|friend|coworker|colleague|boss|brother|sister|wife|husband|partner|cousin|mother|father|mum|mom|dad|son|daughter|ex|(?:brother|sister|mother|father)-in-law)|\byour customer [a-z]+|\bcustomer lists?\b`;
const OTHER_CUSTOMER = new RegExp(String.raw`\b${DATA}\b.{0,50}?(?:\b${OTHER_ES}\b|${OTHER_EN})|\b(?:clientes?|customers?)\s+(?:list|lista)\b|\blista de clientes\b|${RELATIVE_PURCHASES}`);

/** True when a customer message asks for someone else's data (another customer, "all your customers", a neighbour's account). */
export function isOtherCustomerDataRequest(text: string): boolean {
  return OTHER_CUSTOMER.test(normalize(text));
}

/** "mi número de cliente es 483920", "Customer number 483920", "Cuenta 77120". */
const CUSTOMER_NUMBER = /\b(?:cliente|customer|account|cuenta|socio|member|membership|contrato|contract|client|abonado)\b(?:\s+(?:number|no|num|numero|id|nro|n|#))?\.?\s*(?:es|is|:|#|=|-)?\s*(?:el\s+)?#?\s*[a-z]{0,3}-?\d{4,}/;
const ASKED_FOR_NUMBER = /\b(?:numero de cliente|customer number|account number|numero de cuenta|client number|member number|numero de socio|id de cliente|customer id)\b/;
const BARE_NUMBER = /(?:^|\D)\d{4,}(?:\D|$)/;

/**
 * Verification, as far as a chat can tell: the customer gave a customer/account number, or
 * answered our question for it with a number. (Real verification happens in the CRM: this
 * only decides whether to ask first.)
 */
export function hasCustomerNumber(messages: readonly { direction: string; text: string }[]): boolean {
  let asked = false;
  for (const m of messages) {
    if (m.direction === 'note') continue;
    const norm = normalize(m.text);
    if (m.direction === 'out') {
      asked = ASKED_FOR_NUMBER.test(norm);
      continue;
    }
    if (CUSTOMER_NUMBER.test(norm)) return true;
    if (asked && BARE_NUMBER.test(norm)) return true;
    asked = false;
  }
  return false;
}
