import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';
import { readTimes } from './time';

const days = (text: string) => readTimes(normalize(text)).map((t) => t.days);

describe('time expressions, relative and absolute, es/en → days away', () => {
  it.each([
    ['hoy mismo', 0], ['tomorrow', 1], ['antes del viernes', 5], ['by Friday', 5], ['esta semana', 5], ['la semana que viene', 10],
    ['next week', 10], ['in two weeks', 14], ['dentro de 3 semanas', 21], ['within 30 days', 30], ['antes de fin de mes', 20],
    ['el 15 del próximo mes', 40], ['el mes que viene', 40], ['antes de fin de trimestre', 60], ['end of Q2', 60],
    ['el próximo trimestre', 120], ['segundo semestre', 150], ['sometime next year', 300], ['en primavera', 90], ['before March 15', 45],
  ] as const)('%s → %s', (text, expected) => {
    expect(days(text)).toEqual([expected]);
  });
  it.each([['ayer se cayó el servidor', -1], ['hace una hora', -0.1], ['this morning', -0.2], ['last night', -1], ['la semana pasada', -7]] as const)(
    'the past, for an incident\'s recency: %s → %s',
    (text, expected) => expect(days(text)).toEqual([expected]),
  );
  it('"mañana por la mañana" is tomorrow once; "esta mañana" is the past', () => {
    expect(days('mañana por la mañana')).toEqual([1]);
    expect(days('desde esta mañana')).toEqual([-0.2]);
  });
  it('v5: "the coming weeks" is about three weeks away, in both languages', () => {
    expect(days('shortlisting vendors over the coming weeks')).toEqual([21]);
    expect(days('decidiremos en las próximas semanas')).toEqual([21]);
  });
  it('v5: a quarter of next year is next year, not this quarter', () => {
    expect(days('kicking off in Q3 next year')).toEqual([300]);
    expect(days('para el Q2 del próximo año')).toEqual([300]);
    expect(days('antes del Q3')).toEqual([60]);
  });
  it('finds every mention wherever the first one is, nearest-first patterns winning overlaps', () => {
    const text = 'we talked about the servers, the network and the budget at length; antes del viernes o la semana que viene, and tomorrow';
    expect(days(text)).toEqual([5, 10, 1]);
    expect(readTimes(normalize(text)).map((t) => t.quote)).toEqual(['antes del viernes', 'la semana que viene', 'tomorrow']);
    expect(days('kicking off next year, or maybe next quarter')).toEqual([300, 120]);
  });
  it('no time, no mention', () => {
    expect(days('Necesitamos mejorar nuestro respaldo de datos')).toEqual([]);
  });
});
