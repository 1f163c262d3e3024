import { describe, expect, it } from 'vitest';
import { normalize } from '../../text/normalize';
import { checkBuyer } from './buyer';
import { buyingSignals } from './signals';
import { URGENCY, scoreUrgency } from './urgency';

describe('incidents described without the usual keywords are high urgency', () => {
  it.each([
    'Anoche se dañó un disco y perdimos la base de datos de producción',
    'Our point-of-sale systems were hit this morning and stores cannot sell',
    'Varias cuentas de correo están comprometidas desde ayer',
    'Fuel is being siphoned from our trucks at the depot',
    'La línea 2 está parada desde la mañana',
  ])('%s', (d) => {
    const u = scoreUrgency({ description: d });
    expect(u.incident).toBe(true);
    expect(u.score).toBeGreaterThanOrEqual(URGENCY.high);
  });
  it('a risk to avoid is a need, not an incident', () => {
    expect(scoreUrgency({ description: 'Queremos copias de seguridad para evitar pérdida de datos' }).incident).toBe(false);
    expect(scoreUrgency({ description: 'We need a plan to protect against ransomware attacks' }).incident).toBe(false);
    expect(scoreUrgency({ description: 'Estamos comprometidos con la calidad' }).incident).toBe(false);
    expect(scoreUrgency({ description: 'Interested in your incident response retainer' }).incident).toBe(false);
  });
});

describe('buying signals, each quoted', () => {
  it.each([
    ['Tenemos presupuesto aprobado para este año', 'budget_approved'],
    ['We issued an RFP last week', 'tender'],
    ['Publicamos una licitación', 'tender'],
    ['¿Nos pueden enviar una propuesta?', 'proposal_requested'],
    ['Could we see a demo?', 'demo_requested'],
    ['We are evaluating three vendors', 'evaluating_vendors'],
  ] as const)('%s → %s', (text, key) => {
    expect(buyingSignals(normalize(text)).map((s) => s.key)).toContain(key);
  });
  it('one buying signal is medium urgency; with a near date it is high', () => {
    expect(scoreUrgency({ description: 'Please send a proposal.' }).score).toBeGreaterThanOrEqual(URGENCY.medium);
    expect(scoreUrgency({ description: 'Please send a proposal.' }).score).toBeLessThan(URGENCY.high);
    expect(scoreUrgency({ description: 'Please send a proposal by Friday, budget is approved.' }).score).toBeGreaterThanOrEqual(URGENCY.high);
  });
  it('calm words keep a far plan low', () => {
    expect(scoreUrgency({ description: 'Just gathering information for next year, maybe a demo later.' }).score).toBeLessThan(URGENCY.medium);
  });
});

describe('negative signals: not a buyer', () => {
  it.each([
    ['I am writing my master\'s thesis on backups', 'student'],
    ['Soy asistente dental y busco trabajo, les adjunto mi CV', 'job_seeker'],
    ['Ofrecemos software de nóminas en marca blanca para asesorías como la vuestra', 'vendor'],
    ['We help IT companies like yours rank first on Google', 'vendor'],
    ['¿Me podéis revisar si me están pagando bien las horas extra?', 'consumer'],
  ] as const)('%s → %s', (description, reason) => {
    expect(checkBuyer({ description })).toMatchObject({ notABuyer: true, reason });
  });
  it('a buyer who mentions hiring or customers is still a buyer', () => {
    expect(checkBuyer({ description: 'Queremos externalizar la selección de 30 operarios' }).notABuyer).toBe(false);
    expect(checkBuyer({ description: 'We offer delivery to our customers and need GPS tracking' }).notABuyer).toBe(false);
  });
});
