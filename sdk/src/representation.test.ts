import { describe, expect, it } from 'vitest';
import {
  addYears,
  isValidNifOrNie,
  POWERS_API,
  powerGrantRequestSchema,
  powerOfAttorneySchema,
} from './representation.ts';

const grant = {
  attorney: { id: '12345678Z', surname: 'García' },
  kind: 'general' as const,
  bodyDir3: null,
  procedures: null,
  validFrom: '2026-06-10',
  validUntil: '2031-06-10',
};

describe('the powers contract', () => {
  it('checks identity numbers by their check letter', () => {
    expect(isValidNifOrNie('12345678Z')).toBe(true);
    expect(isValidNifOrNie('X1234567L')).toBe(true);
    expect(isValidNifOrNie('12345678A')).toBe(false);
    expect(isValidNifOrNie('B85341279')).toBe(false);
  });

  it('adds calendar years, keeping the end of February real', () => {
    expect(addYears('2026-06-10', 5)).toBe('2031-06-10');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('takes a grant that follows the law, and refuses one that does not', () => {
    expect(powerGrantRequestSchema.safeParse(grant).success).toBe(true);
    const wrong = [
      { ...grant, validUntil: '2031-06-11' },
      { ...grant, validUntil: '2026-06-09' },
      { ...grant, bodyDir3: 'E00003901' },
      { ...grant, kind: 'organisation', bodyDir3: null },
      { ...grant, kind: 'procedures', bodyDir3: 'E00003901', procedures: null },
      { ...grant, kind: 'procedures', bodyDir3: 'E00003901', procedures: [] },
      { ...grant, procedures: ['AEAT-MOD303'] },
      { ...grant, attorney: { id: '12345678A', surname: 'García' } },
      { ...grant, attorney: { id: '12345678Z', surname: '' } },
    ];
    for (const value of wrong)
      expect(powerGrantRequestSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    expect(
      powerGrantRequestSchema.safeParse({
        ...grant,
        kind: 'procedures',
        bodyDir3: 'E00003901',
        procedures: ['AEAT-MOD303'],
      }).success,
    ).toBe(true);
  });

  it('describes a power with what the reader may do with it', () => {
    const power = {
      id: 'AP-2026-000101',
      kind: 'general',
      grantor: { displayName: 'Carmen López Sánchez', maskedId: '***5678**', kind: 'person' },
      attorney: { displayName: 'María García López', maskedId: '***5678**', kind: 'person' },
      body: null,
      procedures: null,
      validFrom: '2026-02-10',
      validUntil: '2031-02-09',
      status: 'authorised',
      actions: ['renounce'],
    };
    expect(powerOfAttorneySchema.parse(power)).toEqual(power);
    expect(powerOfAttorneySchema.safeParse({ ...power, actions: ['delete'] }).success).toBe(false);
    expect(POWERS_API.action('AP-2026-000101', 'extend')).toBe('/api/powers/AP-2026-000101/extend');
  });
});
