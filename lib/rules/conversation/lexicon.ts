import type { Intent } from '../../contracts';
import type { Term } from '../../text/patterns';

/**
 * Bilingual (es/en) vocabularies of the conversation triage. Terms follow lib/text/patterns.ts:
 * normalised (no accents, lowercase), "*" = word prefix, "/…/" = raw regex on normalised text.
 * A weight is how much one occurrence says about the intent (2 = clear, 1 = a hint).
 */
export interface WeightedTerms {
  weight: number;
  terms: readonly Term[];
}

/**
 * Goods that failed the customer (→ complaint, and a person must act): never arrived, arrived
 * damaged, defective, wrong, or harmed the customer.
 */
export const GOODS_PROBLEM: readonly Term[] = [
  'nunca llego', 'nunca llegaron', 'nunca me llego', 'nunca recibi', 'no vino nadie', 'no vino', 'never arrived', 'never came', 'never showed up', 'never received',
  'nothing arrived', '/marked (?:as )?delivered but/', '/se (?:le |me |nos |les )?(?:partio|rompio|doblo|quebro|dano|rajo|desarmo|despego)/', 'llego roto', 'llego rota', 'llegaron rotos', 'llego danad*', 'llego abollad*', 'arrived broken', 'arrived damaged',
  'arrived smashed', 'arrived cracked', '/arrived with (?:[a-z]+ ){0,3}(?:cracked|broken|damaged|missing)/', 'abollad*', 'derramad*', 'smashed', 'cracked', 'leaks',
  'leaking', 'gotea', 'desgarr*', 'rasgad*', 'se partio', 'se rompio', 'se doblo', 'no prende', 'no enciende', 'ya no prende', 'ya no enciende', 'no carga',
  "doesn't charge", 'does not charge', "won't turn on", "doesn't turn on", 'no sirve', 'stopped working', 'dejo de funcionar', 'defectuos*', 'defective', 'faulty',
  'me mandaron', 'me enviaron otro', 'instead of the', 'instead of what', 'en vez de', 'en lugar de', 'equivocad*', 'wrong item', 'wrong product', 'wrong size',
  'gave me a rash', 'me dio alergia', 'me causo', 'reaccion alergica', 'allergic reaction', 'dolor de espalda',
];

/** A demand that a person must act on: money back, a replacement, a pick-up. */
export const ACTION_DEMAND: readonly Term[] = [
  'reembolso*', 'reembols*', 'refund*', 'reimburs*', 'rebate*', 'restitution', 'money back', 'mi dinero', 'el dinero', 'devuelvan', 'devolvais', 'devolverlo', 'devolverla', 'regresen mi dinero', 'regresen el dinero',
  'quiero devolver', 'want to return', 'quiero que me lo cambien', 'que me lo cambien', 'que me la cambien', 'que los cambien', 'cambiarlo', 'cambiarla',
  'send replacement*', 'replacement*', 'replace it', 'swap it', 'come swap', 'vengan a cambiar*', 'send it again', 'resend', 'exijo', 'i demand', 'compensa*',
];

/**
 * v5: asking where a refund already agreed stands ("has my refund been processed?", "¿cómo va mi
 * reembolso?") is an account question like tracking an order: not a new demand for a person to act on.
 */
export const REFUND_STATUS: readonly Term[] = [
  '/(?:status|track|tracking|check|checking|update|news|anything new|processed|estado|seguimiento|novedad|novedades|rastrear|como va)(?: [a-z0-9]+){0,4} (?:refund|reimbursement|reembolso|devolucion)/',
  '/(?:refund|reimbursement|reembolso|devolucion)(?: [a-z0-9]+){0,4} (?:status|processed|procesad[oa]|estado|tramitad[oa]|aprobad[oa])/',
  '/(?:waiting for|still waiting on|esperando|sigo esperando) (?:a |my |the |el |mi )?(?:refund|reimbursement|reembolso|devolucion)/',
];

export const INTENT_TERMS: Record<Exclude<Intent, 'other'>, readonly WeightedTerms[]> = {
  inventory: [
    {
      weight: 2,
      terms: ['stock', 'en stock', 'in stock', 'existencia*', 'disponibilidad', 'availability', 'agotad*', 'sold out', 'out of stock', 'back in stock',
        'les queda*', 'les quedan', 'te queda*', 'quedan', 'les llego', 'ya llego el', 'restock*', 'reabastec*', 'inventario', 'inventory'],
    },
    {
      weight: 1.5,
      terms: ['/(?:^|[^a-z])(?:tienen|tiene usted|tienes|teneis|tenes|manejan|manejais|venden|vendeis|traen|traeis|les queda|os queda)(?![a-z])/', '/do (?:you|u)(?: guys| all)?(?: still)? (?:have|carry|stock|sell)/', 'disponible*', 'available', 'busco', 'buscando', 'looking for', 'what about', 'in blue', 'in white'],
    },
    { weight: 1, terms: ['hay', 'talla*', 'size', 'sizes', 'color*', 'colour*', 'unidades', 'units', 'repuesto*', 'spare part*', 'modelo', 'model'] },
    // v5: what the range holds (variants, models, made to measure)
    {
      weight: 2,
      terms: ['/(?:show|view|see|check|browse|ver|mostrar|muestrame|muestreme|ensename|ensenarme) (?:me )?(?:your |the |all |los |las |sus |todos los |todas las )?(?:products|productos|models|modelos|range|catalog|catalogue|catalogo)/',
        'what products', 'which products', 'que productos', 'cuales productos', 'what models', 'que modelos', '/(?:your|sus|tus|vuestros) (?:products|productos|models|modelos)/'],
    },
    // v5: about the range itself: what it is made of, which one is best
    { weight: 1.5, terms: ['features', 'caracteristicas', 'especificaciones', 'specifications', 'specs', '/(?:which|what) (?:[a-z]+ )?is (?:the )?best/', '/cual (?:[a-z]+ )?es (?:el |la )?mejor/'] },
    { weight: 1.5, terms: ['variant*', 'variante*', 'range of', 'gama de', 'catalogo', 'catalog', 'catalogue', 'custom size*', 'custom-size*', 'customi*', 'a medida', 'personaliza*', 'medida especial', 'medidas especiales'] },
    { weight: 1.5, terms: ['how many', 'cuantos', 'cuantas', 'left', 'back yet', 'ya volvio', 'ya volvieron', 'ya llegaron', 'available again', 'en tienda', 'in store', 'carry', 'os queda*', 'te quedan'] },
  ],
  quote: [
    {
      weight: 2.5,
      terms: ['cotiza*', 'cotizacion*', 'presupuesto*', 'quote', 'quotes', 'quotation*', 'precio*', 'price', 'prices', 'pricing', 'priced',
        'cuanto cuesta*', 'cuanto vale*', 'cuanto sale*', 'cuanto cobran', 'cuanto me sale', 'cuanto esta*', 'how much for', 'how much does', 'how much is', 'how much are', 'how much would',
        'what do you charge', 'how much do you charge', 'what does it cost', 'what do they cost', 'que cuesta', 'que precio', 'a como', 'price?',
        'costo*', 'coste*', 'cost', 'costs', 'tarifa*', 'propuesta formal', 'formal proposal', 'al por mayor', 'por mayor', 'mayoreo', 'bulk', 'wholesale'],
    },
    // v5: wanting to buy is a sales request, like a price question
    {
      weight: 2,
      terms: ['want to buy', 'wanna buy', 'would like to buy', 'interested in buying', 'how to buy', 'how do i buy', 'how can i buy', 'how to order', 'how do i order', 'how can i order',
        'i want to order', 'quiero comprar', 'quisiera comprar', 'me interesa comprar', 'como compro', 'como puedo comprar', 'como hago para comprar', 'como hago un pedido', 'quiero encargar', 'quisiera encargar'],
    },
    { weight: 1, terms: ['how much', 'cuanto', 'licencias', 'licenses', 'con factura', 'presupuesto para', 'para la empresa', 'for our company'] },
  ],
  offers: [
    {
      weight: 2.5,
      terms: ['promo', 'promos', 'promocion*', 'oferta*', 'offer', 'offers', 'descuento*', 'discount*', 'deal', 'deals', 'rebaja*', 'liquidacion', 'black friday',
        'cyber monday', 'hot sale', 'buen fin', '2x1', '3x2', 'bogo', 'buy one get one', 'cupon*', 'coupon*', 'promo code', 'meses sin intereses', 'interest free', 'on sale'],
    },
    { weight: 1, terms: ['sale', 'sales', 'rebajas', 'vigente'] },
    // v5: paying in instalments is a purchase condition the shop offers, not an account question
    // v5: trying the product first is an offer too
    { weight: 2.5, terms: ['free trial', 'trial period', 'night trial', 'nights trial', 'days trial', 'periodo de prueba', 'prueba gratis', 'prueba gratuita', 'try it first', 'probarlo antes', 'probar antes', 'trial'] },
    { weight: 2.5, terms: ['installment*', 'instalment*', 'en cuotas', 'cuotas sin interes*', 'a plazos', 'pago a plazos', 'pagar a plazos', 'pago en plazos', 'emi', 'no cost emi', '0% interest', '0 interest', 'zero interest', 'sin intereses', 'pay later', 'buy now pay later'] },
  ],
  account_status: [
    {
      weight: 2.5,
      terms: ['saldo*', 'balance', 'estado de cuenta', 'account statement', 'statement', 'mi cuenta', 'my account', 'cuanto debo', 'how much do i owe', 'owe', 'debo',
        'deuda', 'adeudo', 'puntos', 'points', 'mi pago', 'my payment', 'mi factura', 'mis facturas', 'la factura de', 'my invoice', 'my bill', 'billing', 'cargo', 'cargos', 'charge', 'charged', 'charges',
        'cobr*', 'limite de credito', 'credit limit', 'suscripcion', 'subscription', 'mi plan', 'my plan'],
    },
    { weight: 4, terms: REFUND_STATUS },
    // v5: money taken from the customer's bank or card
    { weight: 2, terms: ['bills', 'my bills', 'mis recibos', 'recibo*', 'receipt*', 'deducted', 'debited', 'me descontaron', 'me debitaron', 'debitad*', 'descontad*', 'transaction*', 'transaccion*', 'payments'] },
    { weight: 1.5, terms: ['factura*', 'invoice*', 'bill', 'pago', 'payment', 'credito', 'credit', 'account', 'cuenta', 'financiacion', 'financing', 'loyalty', 'rewards', 'reward points', 'saldo a favor', 'pendiente'] },
  ],
  order_status: [
    {
      weight: 2,
      terms: ['pedido*', 'order', 'orders', 'orden', 'ordenes', 'ordered', 'seguimiento', 'tracking', 'track', 'rastreo', 'rastrear', 'paquete*', 'package*', 'parcel*',
        'cuando llega*', 'no me llega*', 'no ha llegado', 'no me ha llegado', 'todavia no me llega', "hasn't arrived", 'has not arrived', 'not arrived', "didn't arrive",
        'shipped', 'enviaron', 'despacha*', 'ya salio'],
    },
    { weight: 1, terms: ['envio', 'shipping', 'delivery', 'delivered', 'entrega*', 'compra', 'when will', 'llegara', 'arrive'] },
    // v5: an order by other names, its cancellation, its delay, where it goes
    {
      weight: 2,
      terms: ['purchase', 'purchases', 'mi compra', 'my purchase', 'cancel', 'cancelling', 'canceling', 'cancellation*', 'cancelar', 'cancelacion', 'anular', 'anulacion',
        '/(?:almost|already|over|more than|nearly|casi|ya|mas de) (?:a|an|one|two|three|\\d+|un|una|dos|tres) (?:month|months|week|weeks|days|mes|meses|semana|semanas|dias)/', '/when (?:can|will|should|do) (?:i|we) (?:expect|get|receive)/',
        'how soon', 'how long will', 'how long does', 'how long do', 'expect my', 'expect the', 'cuando me llega*', 'cuanto tarda*', 'en cuanto tiempo',
        'delay*', 'retras*', 'demora*', 'tarda*', 'taking so long', 'so long', 'tanto tiempo', 'where is my', 'donde esta mi', 'donde estan mis', 'status', 'estado de mi', 'estatus',
        '/(?:it.?s|it has|ha|han|ya) (?:been|pasado|van|llevo|lleva) (?:[a-z0-9]+ ){0,2}(?:days|weeks|months|month|dias|semanas|mes|meses)/'],
    },
    {
      weight: 3,
      terms: ['shipping address', 'delivery address', 'direccion de envio', 'direccion de entrega', 'domicilio de entrega',
        '/(?:change|changing|update|updating|edit|editing|correct|correcting|modify|modifying|wrong|cambiar|cambio de|corregir|modificar|actualizar) (?:[a-z]+ ){0,2}(?:address|direccion|domicilio)/'],
    },
  ],
  complaint: [
    {
      weight: 2.5,
      terms: ['verguenza', 'pesim*', 'terrible', 'horrible', 'worst', 'peor', 'inaceptable', 'unacceptable', 'ridicul*', 'harto*', 'harta', 'fed up', 'denuncia*',
        'profeco', 'consumer protection', 'abogado*', 'lawyer*', 'sue', 'report you', 'queja*', 'reclamo*', 'reclamacion*', 'complain*', 'defectuos*', 'defective',
        'roto', 'rota', 'rotos', 'broken', 'danad*', 'damaged', 'mal servicio', 'tan mal', 'que mal', 'molest*', 'upset', 'angry', 'enojad*', 'furious', 'furios*',
        'estafa*', 'scam*', 'fraude', 'fraud', 'competencia', 'competitor*', 'cancelar todo', 'cancelling everything', 'canceling everything', 'cancel everything',
        'never again', 'nunca mas', 'nadie me responde', 'nobody answers', 'no one answers', 'no vino', 'never showed up', 'raya', 'rayad*', 'scratch*',
        '/llego (?:[a-z]+ ){0,2}tarde/', 'exijo', 'i demand', 'worst experience'],
    },
    { weight: 3, terms: GOODS_PROBLEM },
    { weight: 3, terms: ACTION_DEMAND },
    // v5: sending goods back or swapping them, and formal claims (a person acts on them; how strong is decided apart)
    {
      weight: 2.5,
      terms: ['/return (?:it|this|these|them)/', '/return (?:the|my|a|an|our|part of) (?!call|calls|message|email)/', 'return product', 'return policy', 'initiate return', 'returns', 'exchange', 'exchanged',
        'replace the', 'replace my', 'replaced', 'devolverlo', 'devolverla', 'devolverlos', 'devolverlas', '/devolver (?!la llamada|el llamado)/', 'devolucion*', 'devuelvo', 'cambiar el producto', 'cambio de producto',
        '/(?:file|lodge|make|raise|open|submit|put in|poner|presentar|hacer|abrir)(?: a| an| my| the| una| un)?(?: [a-z]+){0,2} (?:claim|reclamation|reclamacion|reclamo)/', 'claim against', 'reclamation*'],
    },
    { weight: 1.5, terms: ['ya me dijeron', 'same thing', 'lo mismo', 'no funciona', "doesn't work", 'does not work', 'late', 'tarde', 'puntual', 'on time', 'mal', 'bad', 'awful', 'disappoint*', 'decepcion*'] },
  ],
  human: [
    {
      weight: 4,
      terms: ['/(?:hablar|habla|comunicarme|comunicar|conversar) con (?:un |una |el |la |alguien|algun)(?:[a-z]+ )?(?:persona|humano|humana|agente|asesor[a]?|ejecutiv[oa]|supervisor[a]?|gerente|encargad[oa]|operador[a]?|alguien|vendedor[a]?|dependient[ae]|representante|responsable|tecnico|especialista)/',
        'no con un robot', 'no con un bot', 'no quiero un robot', 'not a robot', 'not with a bot', 'alguien de verdad', 'una persona de verdad', 'alguien de la tienda', 'someone from the store',
        'alguien que me atienda', 'someone to help me', 'a person please', 'una persona por favor',
        '/(?:speak|speaking|talk|talking|chat|chatting) (?:to|with) (?:a |an |the |someone|somebody|your )?(?:real |live )?(?:person|human|agent|representative|rep|manager|supervisor|someone|somebody|people|salesperson|staff member|specialist|operator)/',
        '/(?:contact|contacting|reach|reaching|get hold of) (?:a |an |the |your )?(?:real |live )?(?:person|human|agent|representative|someone|somebody|operator)/',
        'persona real', 'real person', 'human agent', 'asesor humano', 'agente humano', 'no quiero hablar con un bot', "don't want a bot", 'not a bot', 'no quiero un bot',
        'pasame con', 'paseme con', 'me comunican con', 'comunicame con', 'me atienda un*', 'que me atienda', 'transfer me', 'get me a human', 'a human',
        '/(?:me|nos) (?:puede|pueden|podria|podrian|podeis|podrias|puedes) llamar/', 'que me llame alguien', 'llameme', 'can someone call me', 'have someone call me', 'llamenme', 'llamame', 'que me llame*', 'call me', 'call me back', 'give me a call', 'let me speak',
        'speak to someone', 'speak to a manager'],
    },
    { weight: 1.5, terms: ['humano', 'human', 'asesor*', 'agente', 'agent', 'representative', 'supervisor*', 'gerente', 'manager', 'operador*', 'ejecutivo'] },
    // v5: the people's desk by its name is a hint (a complaint about it is still a complaint); reaching it is asking for a person
    {
      weight: 2,
      terms: ['customer service', 'customer support', 'customer care', 'customer assistance', 'call center', 'call centre', 'toll free', 'helpline', 'contact number',
        'atencion al cliente', 'servicio al cliente', 'soporte al cliente', 'centro de atencion', 'centro de llamadas', 'linea de atencion', 'telefono de contacto', 'callback', 'call back'],
    },
    // v5: reaching the business by some channel is asking for a person
    {
      weight: 3,
      terms: ['get in touch', 'reach you', 'contact you', 'contact support', 'your number', 'your phone number', 'call you', 'live person', 'anyone available', 'anyone there', 'consumer care',
        'ponerme en contacto', 'contactar con ustedes', 'contactarlos', 'contactarles', 'contactaros', 'llamarlos', 'llamarles', 'su telefono', 'su numero', 'vuestro telefono', 'vuestro numero',
        'alguien disponible', 'alguien ahi'],
    },
    {
      weight: 4,
      terms: ['/(?:speak|speaking|talk|talking|chat|chatting|get in touch|contact|contacting|reach|call|calling|llamar|hablar|contactar|comunicarme|comunicar) (?:with |to |a |al |con )?(?:the |your |el |la |su )?(?:customer (?:service|support|care|assistance)|call cent(?:er|re)|atencion al cliente|servicio al cliente)/'],
    },
  ],
  store_info: [
    {
      weight: 2.5,
      terms: ['horario*', 'a que hora', 'que hora', 'hasta que hora', 'abren', 'abre', 'cierran', 'cierra', 'abierto*', 'opening hours', 'business hours', 'hours', 'open',
        'close', 'closing', 'ubica*', 'ubicacion', 'donde estan', 'donde queda*', 'sucursal*', 'tienda fisica', 'located', 'location', 'branch', 'branches',
        'where are you', 'estacionamiento', 'parking', 'parqueo', 'aparcamiento', 'direccion de la tienda', 'store address', 'your address', 'abris', 'cerrais',
        'physical shop', 'physical store', 'tienda fisica', 'en que parte', 'what time do you', 'a que hora', 'memorial day', 'festivo*', 'holiday hours', 'horarios'],
    },
    { weight: 1.5, terms: ['direccion', 'address', 'tienda', 'store', 'local', 'shop', 'shops'] },
    // v5: the nearest place to visit
    { weight: 2.5, terms: ['nearest', 'nearby', 'near by', 'near me', 'closest', 'cerca de mi', 'mas cercan*', 'offline store*', 'outlet', 'outlets', 'head office', 'oficina central', 'casa matriz', 'visit your', 'visitar la tienda', 'visitarlos'] },
    // v5: where the shop sells (showrooms, dealers) and whether it delivers to a place
    {
      weight: 2.5,
      terms: ['showroom*', 'distributor*', 'distribuidor*', 'retailer*', 'dealer*', 'punto* de venta', 'pincode', 'pin code', 'zip code', 'zipcode', 'postcode', 'postal code', 'codigo postal',
        'serviceable', 'do you deliver', 'deliver to', 'deliver in', 'deliver at', 'delivering in', 'delivering to', 'delivering at', 'ship to', 'shipping to', 'hacen envios', 'hacen entregas', 'envian a', 'reparten en', 'entregan en'],
    },
  ],
  jobs: [
    {
      weight: 3,
      terms: ['vacante*', 'empleo*', 'curriculum*', 'curriculo*', 'cv', 'hoja de vida', 'contratando', 'contratan', 'reclut*', 'postular*', 'postulacion*', 'hiring',
        'job', 'jobs', 'resume', 'apply for', 'career*', 'carreras', 'work for you', 'work with you', 'employment', 'busco trabajo', 'buscando trabajo',
        'trabajar con ustedes', 'trabajar en', 'bolsa de trabajo', 'solicitud de empleo', 'buscan vendedor*', 'buscan personal',
        '/(?:necesitan|necesitais|buscan|buscais|estan buscando|estais buscando) (?:[a-z]+ )?(?:personal|montadores|vendedores|repartidores|empleados|trabajadores|gente|cajeros|choferes)/',
        'are you hiring', 'any jobs', 'jobs going', 'seasonal staff', 'warehouse jobs'],
    },
    { weight: 1.5, terms: ['position', 'puesto', 'vacancy', 'vacancies', 'opening', 'repartidor*'] },
  ],
};

/** A billing dispute (→ accounting): charged twice, a charge not recognised, a disputed invoice. */
export const BILLING_DISPUTE: readonly Term[] = [
  'cobraron dos veces', 'cobro doble', 'doble cobro', 'cobro duplicado', 'cargo duplicado', 'cobro indebido', 'cargo indebido', 'me cobraron de mas', 'cobro de mas',
  'no reconozco', 'no estoy de acuerdo con ese cobro', 'no estoy de acuerdo con el cobro', 'no estoy de acuerdo con este cobro', 'no estoy de acuerdo con el cargo',
  'disputo', 'disputa*', 'charged twice', 'double charged', 'double charge', 'duplicate charge', "don't recognise", "don't recognize", 'do not recognise', 'do not recognize',
  'dispute*', 'overcharg*', 'wrong charge', 'incorrect charge', 'unauthorized charge', 'cargo no autorizado', 'factura incorrecta', 'wrong invoice', 'wrong bill',
  '/charged (?:[^ ]+ ){0,4}twice/', '/cobr[a-z]+ (?:[^ ]+ ){0,4}dos veces/', "don't recognize", 'that i don t recognize', 'que no reconozco',
];

/** Quotes a catalog price cannot answer: volume, wholesale, a formal quotation, an invoice for a company. */
export const BACK_OFFICE_QUOTE: readonly Term[] = [
  'al por mayor', 'por mayor', 'mayoreo', 'precio de mayoreo', 'wholesale', 'bulk', 'cotizacion formal', 'cotizar', 'formal quote', 'formal quotation', 'propuesta formal',
  'credito fiscal', 'factura a nombre', 'con factura', 'rnc', 'cif', 'nif', 'per quarter', 'every month', 'cada mes', 'mensual*', 'trimestral*', 'somos una empresa',
  'somos un hotel', 'somos una constructora', 'somos una residencia', 'we own a', 'i run a', 'our company', 'nuestra empresa', 'para las habitaciones',
  '/(?:\\d{2,}|veinte|treinta|cuarenta|cincuenta|cien|doscientos|trescientos) (?:[a-z]+ ){0,2}(?:sacos|bolsas|bags|unidades|units|piezas|pieces|bottles|botellas|colchones|mattresses|tubos|bocinas|cajas|boxes|rollos|galones|licencias|sillas|chairs)/',
  'presupuesto para', 'quote me', 'cotizacion de',
];

/** Signs of a strong complaint (→ escalate): anger, threats to leave or to complain to an authority, demands. */
export const STRONG_COMPLAINT: readonly Term[] = [
  'verguenza', 'pesim*', 'terrible', 'horrible', 'worst', 'inaceptable', 'unacceptable', 'ridicul*', 'harto*', 'harta', 'fed up', 'denuncia*', 'profeco',
  'consumer protection', 'abogado*', 'lawyer*', 'sue', 'report you', 'competencia', 'competitor*', 'cancelar todo', 'cancel everything', 'cancelling everything',
  'canceling everything', 'estafa*', 'scam*', 'fraude', 'fraud', 'tan mal', 'exijo', 'i demand', 'never again', 'nunca mas', 'furious', 'furios*', 'muy molest*',
  'really upset', 'very upset', 'me voy a ir', 'irme con', 'switch to another', 'take my business',
  // v3: complaints to an authority or in public, repeated failures, chargebacks
  'reporting you', 'report you', 'trading standards', 'pro consumidor', 'proconsumidor', 'defensa del consumidor', 'consumer rights', 'ombudsman', 'better business bureau',
  'bbb', 'chargeback', 'contracargo', 'bad review', 'review everywhere', 'mala resena', 'resena negativa', 'redes sociales', 'social media', 'disgrace*', 'falta de respeto',
  // v5: contempt for the service itself
  'pathetic', 'patetic*', 'useless', 'inutiles', 'no sirven para nada', 'waste of my time', 'waste of time', 'perdida de tiempo', 'poor service', 'servicio pesimo',
  'no one is answering', 'nobody is answering', 'no one answers', 'nadie responde', 'nadie atiende', 'i am done with', "i'm done with", 'im done with',
  'tercera vez', 'third time', 'third order', 'otra vez lo mismo', 'again and again', 'siempre lo mismo', 'nadie me contesta', 'nadie contesta', 'nobody replies',
];

/** Softeners: "no es grave", "not a big deal" — a complaint worth noting, not escalating. */
export const MILD_COMPLAINT: readonly Term[] = ['no es grave', 'not a big deal', 'no big deal', 'un poco', 'a bit', 'a little', 'ojala', 'hope next time', 'solo queria avisar', 'wanted to let you know', 'quería avisar', 'queria avisar'];

export const POSITIVE: readonly WeightedTerms[] = [
  { weight: 2, terms: ['excelente', 'excellent', 'genial', 'great', 'perfecto', 'perfect', 'encanta*', 'love', 'feliz', 'happy', 'satisfech*', 'satisfied', 'maravillos*', 'wonderful', 'amazing', 'increible', 'buen servicio', 'great service', 'muy amable', 'super'] },
  { weight: 1, terms: ['gracias', 'thanks', 'thank', 'amable', 'kind', 'bien', 'good', 'nice', 'ok', 'vale', 'buen'] },
];

export const NEGATIVE: readonly WeightedTerms[] = [
  { weight: 2.5, terms: STRONG_COMPLAINT },
  {
    weight: 1.5,
    terms: ['mal', 'malo', 'mala', 'bad', 'awful', 'roto', 'rota', 'broken', 'defectuos*', 'defective', 'danad*', 'damaged', 'molest*', 'upset', 'angry', 'enojad*', 'queja*',
      'complain*', 'reclamo*', 'problema*', 'problem*', 'no funciona', "doesn't work", 'no sirve', "isn't helping", 'not helping', 'decepcion*', 'disappoint*', 'tarde',
      'late', 'nadie', 'nobody', 'todavia no', 'still hasn', 'ya me dijeron', 'same thing', 'no estoy de acuerdo', 'dispute*', 'no reconozco', 'cobraron dos veces', 'charged twice', 'raya', 'scratch*'],
  },
];

/** Messages that are only a greeting or thanks: "other" without escalation. */
export const COURTESY_WORDS: ReadonlySet<string> = new Set(
  ('hola hello hi hey buenas buenos buen dias dia tardes noches gracias muchas mil thanks thank you lot have nice great good morning afternoon evening ' +
    'muy amable ok okay vale perfecto saludos bye adios chao ciao tenga que un una day de nada excelente genial perfect cheers').split(' '),
);

/** Words that say nothing about which product is meant ("¿tienen stock?", "how much is it?"). */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  ('hola hello hi hey buenas buenos dias tardes tienen tiene tienes hay have do does did you guys still any quiero quisiera queria saber necesito need want please por favor ' +
    'me mi my can could get pueden puede podrian dar give send envian enviar pasar tell dime stock disponible disponibilidad available availability existencia existencias ' +
    'precio price cuanto cuesta sale vale cost costs how much cotizacion cotizar quote presupuesto it this that eso esto ese esa one uno una unos unas tambien also ' +
    'ok gracias thanks favor is are there alguna alguno some the el la los las lo le les en in y and o or si yes no what about que cual which about sobre productos ' +
    'producto product products item items algo something eso ese aun todavia yet back otra vez again').split(' '),
);
