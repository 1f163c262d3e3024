import type { Term } from '../../text/patterns';

/**
 * Bilingual vocabularies of the lead rules. Terms follow lib/text/patterns.ts
 * (normalised, "*" = word prefix). Sources: the lead-classification brief
 * (industries, services, pain keywords) and the synonyms a Spanish/English
 * B2B sales team actually writes in a CRM.
 */

/** A unit of meaning shared by the profile's words and the lead's words. `weight` < 1 marks a generic concept. */
export interface Concept {
  id: string;
  terms: readonly Term[];
  weight?: number;
}

/** Service / need concepts: "Cloud migration" and "migrar a la nube" meet at {cloud, migration}. */
export const SERVICE_CONCEPTS: readonly Concept[] = [
  { id: 'cloud', terms: ['cloud*', 'nube*', 'aws', 'amazon web services', 'azure', 'gcp', 'google cloud', 'saas', 'iaas', 'paas', 'hosting', 'multicloud', 'hybrid cloud'] },
  { id: 'migration', terms: ['migra*', 'traslad*', 'move to', 'moving to', 'mover a', 'pasar a', 'lift and shift'], weight: 0.5 },
  {
    id: 'security',
    terms: ['ciberseg*', 'cyber*', 'security', 'secure', '/(?<!copias? de |copia de )seguridad/', 'ransomware', 'malware', 'phishing', 'firewall*', 'antivirus', 'hacke*', 'hackeo*', 'brecha*', 'breach*', 'intrusion*', 'siem', 'soc', 'edr', 'xdr', 'pentest*', 'vulnerab*', 'ataque*', 'attack*'],
  },
  { id: 'backup', terms: ['backup*', 'back up', 'copia* de seguridad', 'copia* de respaldo', 'respald*', 'resguard*', 'snapshot*', 'copias fuera del sitio', 'off-site cop*', 'offsite cop*'] },
  { id: 'storage', terms: ['almacenamiento*', 'storage', 'san', 'nas', 'cabina* de disco*', 'cabina', 'array*', 'disco*', 'disk*', 'capacidad de almacenamiento', 'storage capacity', 'almacenar datos'] },
  { id: 'implementation', terms: ['implementa*', 'implantar', 'implantacion', 'despliegue*', 'desplegar', 'deploy*', 'rollout', 'roll out', 'puesta en marcha', 'instalacion', 'install*', 'integracion de sistemas'], weight: 0.6 },
  { id: 'consulting', terms: ['consultori*', 'consulting', 'consultanc*', 'asesoria*', 'advisory', 'estrategi*', 'strateg*', 'arquitectura* de ti', 'arquitectura*', 'architecture', 'roadmap', 'hoja de ruta'] },
  { id: 'iot', terms: ['iot', 'internet de las cosas', 'internet of things', 'sensor*', 'telemetr*', 'dispositivos conectados', 'connected devices'] },
  { id: 'payroll', terms: ['nomina*', 'payroll', 'salario*', 'seguros sociales', 'finiquito*', 'paycheck*', 'pay slip*', 'payslip*', 'retenciones'] },
  { id: 'labour', terms: ['laboral*', 'labour', 'labor law', 'derecho laboral', 'employment law', 'contrato* de trabajo', 'despido*', 'erte', 'ere', 'convenio* colectivo*', 'inspeccion de trabajo', 'inspeccion laboral', 'labour inspect*', 'labor inspect*', 'inspectorate'] },
  { id: 'recruitment', terms: ['seleccion de personal', 'seleccion', 'reclutamiento', 'reclutar', 'recruit*', 'hiring', 'contratacion de personal', 'candidato*', 'candidate*', 'cribado', 'headhunt*', 'talent acquisition'] },
  { id: 'time_tracking', terms: ['control horario', 'registro de jornada', 'registro horario', 'fichaje*', 'fichar', 'time tracking', 'timesheet*', 'clock in', 'clock-in', 'horas extra*', 'overtime', 'jornada laboral'] },
  { id: 'fleet_tracking', terms: ['gps', 'rastreo', 'rastreo satelital', 'fleet tracking', 'vehicle tracking', 'telematic*', 'telematica', 'geofenc*', 'geocerca*', 'localizacion de vehiculos', 'route history', 'tracker*', 'localizador*'] },
  { id: 'driver_safety', terms: ['driver safety', 'driver coaching', 'coaching', 'conduccion segura', 'seguridad vial', 'dash cam*', 'dashcam*', 'in-cab', 'harsh braking', 'harsh-braking', 'speeding', 'exceso de velocidad', 'accidentes de trafico'] },
  { id: 'cold_chain', terms: ['cold chain', 'cold-chain', 'cadena de frio', 'temperatur*', 'refrigerad*', 'refrigerat*', 'reefer*', 'frozen', 'congelad*', 'thermo*'] },
  { id: 'fuel', terms: ['fuel', 'combustible*', 'diesel', 'gasoil', 'idle time', 'idling', 'ralenti', 'siphon*'] },
  { id: 'pentest', terms: ['pentest*', 'penetration test*', 'pruebas de penetracion', 'prueba de penetracion', 'test* de intrusion', 'ethical hacking', 'hacking etico', 'red team*', 'phishing simulad*', 'simulated phishing'] },
  { id: 'incident_response', terms: ['respuesta a incidentes', 'incident response', 'forense*', 'forensic*', 'contencion', 'containment', 'equipo de respuesta', 'response team', 'dfir'] },
  {
    id: 'recovery',
    terms: ['recover*', 'recuper*', 'disaster*', 'desastre*', 'continuidad', 'business continuity', 'perdida* de datos', 'perdimos * datos', 'perdimos datos', 'hemos perdido', 'data loss', 'lost * data', 'lost data', 'restaur*', 'restore*', 'drp'],
  },
  { id: 'support', terms: ['support*', 'soporte*', 'helpdesk', 'help desk', 'service desk', 'mesa de ayuda', 'asistencia tecnica', 'mantenimiento', 'maintenance', 'incidencia*', 'tickets'] },
  { id: 'analytics', terms: ['analytic*', 'analitic*', 'analisis', 'analysis', 'bi', 'business intelligence', 'inteligencia de negocio*', 'power bi', 'tableau', 'looker', 'dashboard*', 'cuadro* de mando', 'reporting', 'informes', 'reportes', 'kpi*', 'metricas', 'metrics'] },
  { id: 'data', terms: ['data', 'datos', 'big data', 'data warehouse', 'almacen de datos', 'data lake', 'etl'], weight: 0.5 },
  { id: 'automation', terms: ['automat*', 'automatiz*', 'rpa', 'workflow*', 'flujo* de trabajo'] },
  { id: 'erp', terms: ['erp', 'sap', 'odoo', 'dynamics', 'netsuite', 'crm', 'salesforce', 'hubspot'] },
  { id: 'network', terms: ['network*', 'redes', 'wifi', 'wi-fi', 'lan', 'wan', 'sd-wan', 'vpn', 'router*', 'switches', 'conectividad', 'connectivity', 'fibra'] },
  { id: 'ai', terms: ['ai', 'ia', 'inteligencia artificial', 'artificial intelligence', 'machine learning', 'aprendizaje automatico', 'llm*', 'chatbot*', 'genai', 'ia generativa', 'generative ai'] },
  { id: 'compliance', terms: ['compliance', 'cumplimiento', 'normativ*', 'regulat*', 'regulacion*', 'gdpr', 'rgpd', 'lopd', 'iso 27001', 'ens', 'nis2', 'pci', 'hipaa', 'sox', 'dora', 'auditori*', 'audit*'] },
  { id: 'software', terms: ['software', 'desarroll* de software', 'software development', 'aplicacion*', 'application*', 'app', 'apps', 'programacion', 'web', 'pagina web', 'website', 'portal'] },
  { id: 'hardware', terms: ['hardware', 'servidor*', 'server*', 'ordenador*', 'computador*', 'laptop*', 'portatil*', 'pcs', 'impresora*', 'printer*', 'equipos informaticos'] },
  { id: 'email', terms: ['correo*', 'email', 'e-mail', 'microsoft 365', 'office 365', 'm365', 'google workspace', 'exchange', 'outlook'] },
  { id: 'training', terms: ['training', 'formacion', 'capacitacion', 'curso*', 'course*', 'taller*', 'workshop*', 'concienciacion', 'awareness', 'charla*'] },
  { id: 'scheduling', terms: ['agenda*', 'cita*', 'appointment*', 'booking*', 'reserva*', 'schedul*', 'calendario*', 'calendar*', 'recordatorio*', 'reminder*', 'turnos', 'lista de espera', 'waiting list'] },
  { id: 'billing', terms: ['factur*', 'billing', 'invoic*', 'cobro*', 'payment*', 'pagos', 'cfdi', 'dian', 'e-invoic*'] },
  { id: 'records', terms: ['historia* clinica*', 'historial* clinico*', 'health record*', 'medical record*', 'patient record*', 'expediente*', 'fichas', 'ficha* de paciente*', 'charts', 'paper charts', 'digital records', 'odontograma*', 'radiografia*', 'x-ray*', 'historial de pacientes'] },
  { id: 'dental', terms: ['dental*', 'dentist*', 'odontolog*', 'ortodonc*', 'orthodont*'] },
  // v5: a category names its items — "Office furniture" is met by chairs and desks (the compound is one concept, so its modifier does not halve the match)
  {
    id: 'furniture',
    terms: ['office furniture', 'mobiliario de oficina', 'muebles de oficina', 'furniture*', 'furnish*', 'mobiliario*', 'mueble*', 'amueblar', 'chair*', 'silla*', 'sillon*',
      '/(?<!help |service |front )desks?/', '/escritorios?(?! remoto| virtual)/', 'table', 'tables', '/mesas?(?! de ayuda| de servicio| de control)/', 'shelf', 'shelves', 'shelving',
      'estanteria*', 'cabinet*', 'archivador*', 'armario*', 'locker*', 'taquilla*', 'sofa*', 'workstation*', 'cubicle*', 'puestos de trabajo'],
  },
];

/** Words of a service name that say nothing on their own ("Managed", "24/7", "IT", "servicios"). */
export const SERVICE_FILLER: readonly Term[] = [
  'managed', 'gestionad*', 'administrad*', 'service*', 'servicio*', 'solution*', 'solucion*', '24/7', '24x7', 'it', 'ti',
  'integral*', 'professional', 'profesional*', 'online', 'en linea', 'digital', 'enterprise', 'empresarial*', 'and', 'y',
  'de', 'para', 'for', 'the', 'el', 'la', 'los', 'las', 'del', 'con', 'with', 'full', 'completo', 'completa',
];

/** Industry concepts; `label` is shown in the rationale when the profile names none. */
export const INDUSTRY_CONCEPTS: readonly Concept[] = [
  { id: 'manufacturing', terms: ['manufactur*', 'industria*', 'industrial*', 'fabric*', 'factory', 'factories', 'planta* de produccion', 'automotri*', 'automotive', 'metalurg*', 'maquinaria', 'machinery', 'plastic*', 'quimic*', 'chemical*', 'textil*', 'textile*', 'siderurg*'] },
  { id: 'retail', terms: ['retail*', 'comercio minorista', 'minorista*', 'tienda*', 'store', 'stores', 'shop', 'shops', 'shopping', 'e-commerce', 'ecommerce', 'comercio electronico', 'supermercad*', 'supermarket*', 'grocer*', 'moda', 'fashion', 'consumer goods', 'gran consumo'] },
  { id: 'logistics', terms: ['trucking', 'truck*', 'camion*', 'transportista*', 'mudanza*', 'movers', 'moving company', 'reparto', 'delivery fleet', 'logisti*', 'transport*', 'shipping', 'freight', 'almacen*', 'warehous*', 'distribucion', 'distribution', 'supply chain', 'cadena de suministro', 'courier', 'paqueteria', 'mensajeria', 'flota*', 'fleet*', '3pl'] },
  { id: 'healthcare', terms: ['salud', 'health*', '/hospital(?:es|s|ario|aria|arios|arias)?/', 'clinic*', 'medico*', 'medica*', 'medical', 'medicina', 'medicine', 'sanitari*', 'pharma*', 'farmac*', 'biotech*', 'laboratori*', 'care home*', 'residencia*'], weight: 0.5 },
  { id: 'dental', terms: ['dental*', 'dentist*', 'odontolog*', 'ortodonc*', 'orthodont*', 'estetica', 'medicina estetica', 'aesthetic*', 'clinica* de estetica'] },
  { id: 'field_services', terms: ['field service*', 'servicios de campo', 'hvac', 'climatizacion', 'plumbing', 'fontaner*', 'utility contractor*', 'contratista*', 'contractor*', 'instaladora*', 'mantenimiento industrial'] },
  { id: 'finance', terms: ['financ*', 'finanzas', 'finance', 'banca', 'banco*', 'bancari*', 'bank*', 'insurance', 'insurer*', 'seguros', 'aseguradora*', 'fintech*', 'credit*', 'credito*', 'inversion*', 'investment*', 'asset management', 'gestora*', 'cooperativa de credito', 'microfinanc*', 'payments', 'pagos', 'cooperativa* de ahorro', 'ahorro', 'eps'] },
  { id: 'education', terms: ['educa*', 'education', 'universi*', 'school*', 'escuela*', 'colegio*', 'formacion', 'e-learning', 'edtech'] },
  { id: 'government', terms: ['government', 'gobierno*', 'public sector', 'sector publico', 'administracion publica', 'ayuntamiento*', 'municipal*', 'municipio*', 'alcaldia*', 'ministerio*', 'ministry', 'council', 'agencia estatal', 'gob'] },
  { id: 'technology', terms: ['software', 'saas', 'technology', 'tecnologi*', 'it services', 'servicios it', 'informatica', 'internet', 'servicios digitales', 'digital services', 'fintech*'] },
  { id: 'telecom', terms: ['telecom*', 'telecomunicacion*', 'telco*', 'operador* de telefonia', 'isp'] },
  { id: 'hospitality', terms: ['hospitality', 'hotel*', 'hosteleria', 'restaura*', 'turismo', 'tourism', 'travel', 'viajes', 'catering', 'bar', 'bares', 'pub', 'pubs', 'inns', 'cafeteria*'] },
  { id: 'construction', terms: ['construc*', 'inmobiliari*', 'real estate', 'ingenieria civil', 'civil engineering', 'arquitectura'] },
  { id: 'energy', terms: ['energ*', 'utilit*', 'oil', 'gas', 'petrol*', 'electric*', 'renovable*', 'renewable*', 'mining', 'mineria', 'minera*', 'mine', 'mines', 'cobre', 'copper'] },
  { id: 'agriculture', terms: ['agricultur*', 'agro*', 'farming', 'ganader*', 'alimentacion', 'food', 'alimentos', 'bebidas', 'beverage*'] },
  { id: 'legal', terms: ['legal', 'law firm', 'abogad*', 'bufete*', 'gestoria*', 'accounting', 'contabilidad', 'contador*', 'contable*', 'auditora*'] },
  { id: 'media', terms: ['media', 'medios', 'marketing', 'publicidad', 'advertising', 'agencia*', 'agency', 'entertainment', 'entretenimiento'] },
];

/** Needs shown to the rep (detectedNeeds), one label per language. */
export interface Need {
  id: string;
  terms: readonly Term[];
  es: string;
  en: string;
}

export const NEEDS: readonly Need[] = [
  { id: 'cloud_migration', es: 'Migración a la nube', en: 'Cloud migration', terms: ['cloud migration', 'migra* * nube', 'migra* a la nube', 'migra* to * cloud', 'migra* to cloud', 'move to * cloud', 'mover * a la nube', 'pasar a la nube', 'aws', 'azure', 'google cloud', 'gcp', 'nube', 'cloud'] },
  { id: 'cybersecurity', es: 'Ciberseguridad', en: 'Cybersecurity', terms: ['ciberseg*', 'cyber*', 'security', '/(?<!copias? de )seguridad/', 'ransomware', 'malware', 'phishing', 'firewall*', 'hacke*', 'hackeo*', 'brecha*', 'breach*', 'ataque*', 'attack*', 'vulnerab*', 'pentest*', 'siem', 'soc'] },
  { id: 'backup_recovery', es: 'Copias de seguridad y recuperación', en: 'Backup and recovery', terms: ['backup*', 'back up', 'copia* de seguridad', 'respald*', 'recover*', 'recuper*', 'disaster recovery', 'desastre*', 'perdida* de datos', 'perdimos * datos', 'perdimos datos', 'data loss', 'lost * data', 'lost data', 'restore*', 'restaur*', 'continuidad', 'business continuity'] },
  { id: 'it_support', es: 'Soporte TI', en: 'IT support', terms: ['support*', 'soporte*', 'helpdesk', 'help desk', 'service desk', 'mesa de ayuda', 'asistencia tecnica', 'mantenimiento', 'maintenance', 'no funciona*', 'not working', 'incidencia*'] },
  { id: 'data_bi', es: 'Datos y BI', en: 'Data and BI', terms: ['analytic*', 'analitic*', 'bi', 'business intelligence', 'power bi', 'tableau', 'looker', 'dashboard*', 'cuadro* de mando', 'reporting', 'informes', 'reportes', 'kpi*', 'big data', 'data warehouse', 'data lake', 'etl'] },
  { id: 'automation', es: 'Automatización', en: 'Automation', terms: ['automat*', 'automatiz*', 'rpa', 'workflow*', 'flujo* de trabajo'] },
  { id: 'erp_crm', es: 'ERP / CRM', en: 'ERP / CRM', terms: ['erp', 'sap', 'odoo', 'dynamics', 'netsuite', 'crm', 'salesforce', 'hubspot'] },
  { id: 'networking', es: 'Redes y conectividad', en: 'Networking', terms: ['network*', 'redes', 'wifi', 'wi-fi', 'lan', 'wan', 'sd-wan', 'vpn', 'router*', 'switches', 'conectividad', 'connectivity', 'fibra'] },
  { id: 'ai', es: 'Inteligencia artificial', en: 'AI', terms: ['ia', 'inteligencia artificial', 'artificial intelligence', 'machine learning', 'aprendizaje automatico', 'llm*', 'chatbot*', 'genai', 'ia generativa', 'generative ai', '/(?<=\\b(?:an|the|use|using|with|of|de|con) )ai/'] },
  { id: 'compliance', es: 'Cumplimiento normativo', en: 'Compliance', terms: ['compliance', 'cumplimiento', 'normativ*', 'regulat*', 'regulacion*', 'gdpr', 'rgpd', 'lopd', 'iso 27001', 'nis2', 'pci', 'hipaa', 'sox', 'dora', 'auditori*', 'audit*'] },
  { id: 'software_dev', es: 'Desarrollo de software', en: 'Software development', terms: ['desarroll* de software', 'software development', 'desarroll* * aplicacion*', 'develop* * app*', 'aplicacion* a medida', 'custom software', 'custom app*', 'pagina web', 'website', 'programacion', 'software a medida'] },
  { id: 'hardware', es: 'Hardware y equipos', en: 'Hardware', terms: ['hardware', 'servidor*', 'server*', 'ordenador*', 'computador*', 'laptop*', 'portatil*', 'impresora*', 'printer*', 'equipos informaticos'] },
  { id: 'email_collab', es: 'Correo y colaboración', en: 'Email and collaboration', terms: ['correo*', 'email', 'e-mail', 'microsoft 365', 'office 365', 'm365', 'google workspace', 'exchange', 'teams'] },
  { id: 'training', es: 'Formación', en: 'Training', terms: ['training', 'formacion', 'capacitacion', 'curso*', 'course*', 'taller*', 'workshop*'] },
  { id: 'scheduling', es: 'Agenda y citas', en: 'Scheduling', terms: ['agenda*', 'cita*', 'appointment*', 'booking*', 'schedul*'] },
  { id: 'billing', es: 'Facturación', en: 'Billing', terms: ['factur*', 'billing', 'invoic*', 'cobro*'] },
  { id: 'pricing', es: 'Precios / presupuesto', en: 'Pricing / quote', terms: ['precio*', 'price*', 'pricing', 'presupuesto*', 'cotizacion*', 'quote*', 'quotation*', 'tarifa*'] },
];

/** Countries (ISO codes) named by words in a location or a target audience. */
export const COUNTRIES: Readonly<Record<string, readonly Term[]>> = {
  ES: ['espana', 'spain', 'spanish', 'madrid', 'barcelona', 'valencia', 'sevilla', 'seville', 'bilbao', 'malaga', 'zaragoza', 'alicante', 'murcia', 'vigo', 'a coruna', 'valladolid', 'palma', 'las palmas', 'cataluna', 'catalunya', 'andalucia', 'pais vasco', 'galicia', 'asturias', 'navarra', 'canarias', 'castellon', 'castello', 'toledo', 'cadiz', 'granada', 'cordoba espana', 'salamanca', 'santander', 'pamplona', 'san sebastian', 'donostia', 'vitoria', 'gijon', 'oviedo', 'leon espana', 'burgos', 'tarragona', 'girona', 'lleida', 'almeria', 'huelva', 'jaen', 'albacete', 'badajoz', 'caceres', 'logrono', 'alzira', 'elche', 'cartagena espana', 'marbella', 'ibiza', 'mallorca', 'tenerife', 'extremadura', 'castilla', 'aragon', 'cantabria', 'la rioja', 'comunidad valenciana', 'baleares'],
  MX: ['mexico', 'mexican*', 'cdmx', 'ciudad de mexico', 'guadalajara', 'monterrey', 'puebla', 'queretaro', 'tijuana', 'merida', 'cancun', 'leon', 'jalisco', 'nuevo leon', 'quintana roo', 'yucatan', 'chihuahua', 'sonora', 'sinaloa', 'veracruz', 'oaxaca', 'chiapas', 'tabasco', 'coahuila', 'saltillo', 'hermosillo', 'culiacan', 'toluca', 'aguascalientes', 'san luis potosi', 'morelia', 'acapulco', 'playa del carmen', 'torreon', 'mexicali', 'ciudad juarez', 'edomex', 'estado de mexico'],
  CO: ['colombia', 'bogota', 'medellin', 'cali', 'barranquilla', 'cartagena', 'cundinamarca', 'antioquia', 'bucaramanga', 'pereira', 'manizales', 'santa marta', 'cucuta', 'ibague'],
  CL: ['chile', 'santiago', 'valparaiso', 'concepcion', 'antofagasta', 'vina del mar', 'temuco', 'la serena', 'iquique', 'rancagua', 'puerto montt', 'providencia', 'las condes'],
  AR: ['argentina', 'buenos aires', 'cordoba', 'rosario', 'mendoza', 'la plata', 'mar del plata', 'tucuman', 'salta', 'neuquen', 'santa fe'],
  PE: ['peru', 'lima', 'arequipa', 'trujillo', 'cusco', 'piura', 'chiclayo', 'callao', 'iquitos'],
  EC: ['ecuador', 'quito', 'guayaquil'],
  UY: ['uruguay', 'montevideo'],
  PY: ['paraguay', 'asuncion'],
  BO: ['bolivia', 'la paz', 'santa cruz de la sierra'],
  VE: ['venezuela', 'caracas'],
  GT: ['guatemala', 'ciudad de guatemala', 'quetzaltenango'],
  CR: ['costa rica', 'san jose', 'escazu', 'heredia', 'alajuela', 'cartago'],
  PA: ['panama', 'ciudad de panama', 'panama city', 'colon panama'],
  DO: ['republica dominicana', 'dominican republic', 'santo domingo', 'santiago de los caballeros', 'punta cana', 'la romana', 'puerto plata', 'rd'],
  SV: ['el salvador', 'san salvador'],
  HN: ['honduras', 'tegucigalpa', 'san pedro sula'],
  NI: ['nicaragua', 'managua'],
  CU: ['cuba', 'la habana', 'havana'],
  PR: ['puerto rico', 'san juan'],
  BR: ['brasil', 'brazil', 'sao paulo', 'rio de janeiro'],
  US: ['usa', 'u.s.', 'u.s.a.', 'united states', 'estados unidos', 'eeuu', 'ee.uu.', 'new york', 'nueva york', 'california', 'texas', 'florida', 'miami', 'chicago', 'boston', 'seattle', 'san francisco', 'los angeles', 'ohio', 'columbus', 'memphis', 'atlanta', 'denver', 'austin', 'houston', 'dallas', 'phoenix', 'tampa', 'orlando', 'portland', 'spokane', 'detroit', 'philadelphia', 'washington dc', 'las vegas', 'nashville', 'charlotte', 'minneapolis', 'st. louis', 'kansas city', 'salt lake city', 'san diego', 'san antonio', 'pittsburgh', 'cleveland', 'indianapolis', 'baltimore', 'new jersey', 'new orleans', 'georgia usa', 'tennessee', 'arizona', 'colorado', 'oregon', 'washington state', 'illinois', 'michigan', 'pennsylvania', 'north carolina', 'virginia', 'massachusetts', 'minnesota', 'wisconsin', 'missouri', 'indiana', 'kentucky', 'alabama', 'louisiana', 'oklahoma', 'utah', 'nevada', 'iowa', 'kansas', 'nebraska', 'idaho', 'montana', 'alaska', 'hawaii', '/, ?(?:al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy)(?=\\s*(?:\\d{5}(?:-\\d{4})?)?\\s*$)/'],
  CA: ['canada', 'toronto', 'montreal', 'vancouver', 'ontario', 'quebec', 'alberta', 'british columbia', 'manitoba', 'saskatchewan', 'nova scotia', 'calgary', 'edmonton', 'ottawa', 'winnipeg', 'halifax', '/, ?(?:on|qc|bc|ab|mb|sk|ns|nb|nl)(?=\\s*$)/'],
  GB: ['uk', 'u.k.', 'united kingdom', 'reino unido', 'england', 'inglaterra', 'london', 'londres', 'manchester', 'scotland', 'escocia', 'great britain', 'britain', 'northern ireland', 'belfast', 'wales', 'cardiff', 'edinburgh', 'glasgow', 'leeds', 'liverpool', 'birmingham', 'bristol', 'sheffield', 'newcastle', 'nottingham', 'leicester', 'southampton', 'aberdeen'],
  FR: ['france', 'francia', 'paris', 'lyon', 'marseille', 'bordeaux'],
  DE: ['germany', 'alemania', 'deutschland', 'berlin', 'munich', 'hamburg', 'frankfurt'],
  IT: ['italy', 'italia', 'rome', 'roma', 'milan', 'milano'],
  PT: ['portugal', 'lisboa', 'lisbon', 'porto', 'oporto', 'braga', 'coimbra', 'faro'],
  NL: ['netherlands', 'holanda', 'paises bajos', 'amsterdam', 'rotterdam'],
  BE: ['belgium', 'belgica', 'brussels', 'bruselas'],
  IE: ['ireland', 'irlanda', 'dublin'],
  CH: ['switzerland', 'suiza', 'zurich', 'geneva', 'ginebra'],
  IN: ['india', 'bangalore', 'mumbai', 'delhi'],
  CN: ['china', 'beijing', 'shanghai'],
  JP: ['japan', 'japon', 'tokyo'],
  AU: ['australia', 'sydney', 'melbourne'],
  BZ: ['belize', 'belice'],
};

const LATAM = ['MX', 'CO', 'CL', 'AR', 'PE', 'EC', 'UY', 'PY', 'BO', 'VE', 'GT', 'CR', 'PA', 'DO', 'SV', 'HN', 'NI', 'CU', 'PR', 'BR'];
const EUROPE = ['ES', 'GB', 'FR', 'DE', 'IT', 'PT', 'NL', 'BE', 'IE', 'CH'];

/** Regions a target audience may name, as the countries they cover. */
export const REGIONS: ReadonlyArray<{ terms: readonly Term[]; countries: readonly string[] }> = [
  { terms: ['latinoamerica', 'latam', 'america latina', 'latin america', 'hispanoamerica'], countries: LATAM },
  { terms: ['sudamerica', 'south america', 'america del sur', 'cono sur', 'southern cone'], countries: ['CO', 'CL', 'AR', 'PE', 'EC', 'UY', 'PY', 'BO', 'VE', 'BR'] },
  { terms: ['centroamerica', 'central america', 'america central'], countries: ['GT', 'SV', 'HN', 'NI', 'CR', 'PA', 'BZ'] },
  { terms: ['caribe', 'caribbean'], countries: ['DO', 'CU', 'PR'] },
  { terms: ['peninsula iberica', 'iberian peninsula', 'iberia'], countries: ['ES', 'PT'] },
  { terms: ['iberoamerica', 'hispanohablante*', 'spanish-speaking', 'spanish speaking'], countries: ['ES', ...LATAM] },
  { terms: ['europa', 'europe', 'european', 'europeas', 'europeos', 'eu', 'ue', 'emea'], countries: EUROPE },
  { terms: ['norteamerica', 'north america'], countries: ['US', 'CA', 'MX'] },
  { terms: ['dach'], countries: ['DE', 'CH'] },
];

/** A target audience naming one of these covers every location. */
export const WORLDWIDE: readonly Term[] = ['global*', 'worldwide', 'todo el mundo', 'cualquier pais', 'any country', 'internacional*', 'international*'];

/** Country-code top-level domains of a corporate email → country ("acme.com.pe", "acme.co.uk", "acme.es"). */
export const EMAIL_TLDS: Readonly<Record<string, string>> = {
  es: 'ES', mx: 'MX', co: 'CO', cl: 'CL', ar: 'AR', pe: 'PE', ec: 'EC', uy: 'UY', py: 'PY', bo: 'BO', ve: 'VE', gt: 'GT',
  cr: 'CR', pa: 'PA', do: 'DO', sv: 'SV', hn: 'HN', ni: 'NI', cu: 'CU', pr: 'PR', br: 'BR', uk: 'GB', ca: 'CA', fr: 'FR',
  de: 'DE', it: 'IT', pt: 'PT', nl: 'NL', be: 'BE', ie: 'IE', ch: 'CH', in: 'IN', cn: 'CN', jp: 'JP', au: 'AU', bz: 'BZ',
  cat: 'ES', eus: 'ES', gal: 'ES',
};

/** International calling codes → country, for leads with a phone but no location. */
export const PHONE_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['1', 'US'], ['34', 'ES'], ['52', 'MX'], ['57', 'CO'], ['56', 'CL'], ['54', 'AR'], ['51', 'PE'], ['593', 'EC'], ['598', 'UY'],
  ['595', 'PY'], ['591', 'BO'], ['58', 'VE'], ['502', 'GT'], ['506', 'CR'], ['507', 'PA'], ['503', 'SV'], ['504', 'HN'],
  ['505', 'NI'], ['53', 'CU'], ['55', 'BR'], ['44', 'GB'], ['33', 'FR'], ['49', 'DE'], ['39', 'IT'], ['351', 'PT'],
  ['31', 'NL'], ['32', 'BE'], ['353', 'IE'], ['41', 'CH'], ['91', 'IN'], ['86', 'CN'], ['81', 'JP'], ['61', 'AU'],
];

/** Company-size words of a target audience, as employee ranges. Source: common SMB / mid-market / enterprise cut-offs. */
export const SIZE_WORDS: ReadonlyArray<{ terms: readonly Term[]; min: number; max: number }> = [
  { terms: ['startup*', 'micro*', 'autonomo*', 'freelance*', 'self-employed'], min: 1, max: 20 },
  { terms: ['pequen*', 'small'], min: 1, max: 50 },
  { terms: ['pyme*', 'smb*', 'sme*', 'small and medium', 'small and mid*', 'pequenas y medianas'], min: 1, max: 250 },
  { terms: ['median*', 'mid-size*', 'midsize*', 'mid-market', 'mid market', 'medium'], min: 50, max: 1000 },
  { terms: ['grande*', 'large', 'enterprise*', 'corporaci*', 'corporate*', 'multinacional*', 'multinational*'], min: 250, max: Number.POSITIVE_INFINITY },
];
