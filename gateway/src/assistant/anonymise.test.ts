import { describe, expect, it } from 'vitest';
import { anonymise } from './anonymise.ts';

describe('anonymise', () => {
  it.each([
    ['mi DNI es 12345678Z y no puedo entrar', 'mi DNI es [id] y no puedo entrar'],
    ['NIE X1234567L', 'NIE [id]'],
    ['el NIE Y-2345678-Z', 'el NIE [id]'],
    ['la empresa B85341279 no aparece', 'la empresa [id] no aparece'],
    ['escribidme a maria.garcia@example.org', 'escribidme a [email]'],
    ['llamadme al 600 123 456', 'llamadme al [phone]'],
    ['mi móvil es +34 612345678', 'mi móvil es [phone]'],
    ['teléfono 91 123 45 67', 'teléfono [phone]'],
    ['cuenta ES91 2100 0418 4502 0005 1332 para el cobro', 'cuenta [iban] para el cobro'],
    ['IBAN ES9121000418450200051332', 'IBAN [iban]'],
    ['Hola, me llamo María García López y tengo una duda', 'Hola, me llamo [name] y tengo una duda'],
    ['my name is John Smith, help', 'my name is [name], help'],
    ['em dic Jordi Puig i vull una cita', 'em dic [name] i vull una cita'],
    ['chámome Xosé e non podo entrar', 'chámome [name] e non podo entrar'],
    ['kaixo, Miren naiz', 'kaixo, [name] naiz'],
  ])('%s', (input, expected) => {
    expect(anonymise(input)).toBe(expected);
  });

  it('leaves ordinary questions alone', () => {
    for (const text of ['soy autónomo y quiero la vida laboral', 'cita para el día 12', 'I am lost']) {
      expect(anonymise(text)).toBe(text);
    }
  });

  it('strips every identifier from one sentence', () => {
    const out = anonymise(
      'Me llamo Ana Ruiz, DNI 87654321X, ana@correo.es, 699 888 777, ES7620770024003102575766',
    );
    for (const secret of ['Ana', 'Ruiz', '87654321X', 'ana@correo.es', '699 888 777', 'ES76']) {
      expect(out).not.toContain(secret);
    }
  });
});
