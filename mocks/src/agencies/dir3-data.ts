/*
 * The directory of bodies (DIR3, "Directorio Común de Unidades Orgánicas y Oficinas") as the
 * simulated general registry serves it, in the directory's own vocabulary: `codigo`,
 * `denominacion`, `nivelAdministracion` (1 State, 2 autonomous community, 3 local, 4 university,
 * 5 other institutions), `nivelJerarquico`, `codUnidadSuperior`, `codUnidadRaiz`, `estado`
 * (V in force, E extinct, A annulled).
 *
 * Real codes only where they are known: the State bodies the repository's other agencies already
 * use, the autonomous communities' governments, and city councils, whose code is "L01" + the INE
 * municipality code + the INE's control digit (computed below, checked against known codes in the
 * tests). Everything else is a clearly synthetic test unit: a "P" code (as the directory's own test
 * units, "UNIDAD DIR PRUEBAS") and "(unidad de pruebas)" in its name.
 */

export type NivelAdministracion = 1 | 2 | 3 | 4 | 5;
export type EstadoUnidad = 'V' | 'E' | 'A';

export interface UnidadDir3 {
  codigo: string;
  denominacion: string;
  nivelAdministracion: NivelAdministracion;
  /** 1 at the top of its administration. */
  nivelJerarquico: number;
  codUnidadSuperior: string | null;
  codUnidadRaiz: string;
  estado: EstadoUnidad;
}

/** The INE's weights for the control digit of a municipality code (three rows, used 2,1,0,2,1). */
const INE_WEIGHTS = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [0, 3, 8, 2, 7, 4, 1, 5, 9, 6],
  [0, 2, 4, 6, 8, 1, 3, 5, 7, 9],
] as const;
const INE_ROWS = [2, 1, 0, 2, 1] as const;

/** The INE's control digit of a 5-digit municipality code ("28079" → 6). */
export function ineControlDigit(code: string): number {
  if (!/^\d{5}$/.test(code)) throw new Error(`not an INE municipality code: ${code}`);
  let sum = 0;
  for (let index = 0; index < 5; index += 1) {
    sum += INE_WEIGHTS[INE_ROWS[index] ?? 0][Number(code[index])] ?? 0;
  }
  return (10 - (sum % 10)) % 10;
}

/** The DIR3 code of a city council: "L01" + INE code + control digit ("28079" → "L01280796"). */
export function cityCouncilDir3(ineCode: string): string {
  return `L01${ineCode}${ineControlDigit(ineCode)}`;
}

const state = (codigo: string, denominacion: string, superior: string | null = null): UnidadDir3 => ({
  codigo,
  denominacion,
  nivelAdministracion: 1,
  nivelJerarquico: superior === null ? 1 : 2,
  codUnidadSuperior: superior,
  codUnidadRaiz: superior ?? codigo,
  estado: 'V',
});

const region = (codigo: string, denominacion: string, superior: string | null = null): UnidadDir3 => ({
  codigo,
  denominacion,
  nivelAdministracion: 2,
  nivelJerarquico: superior === null ? 1 : 2,
  codUnidadSuperior: superior,
  codUnidadRaiz: superior ?? codigo,
  estado: 'V',
});

/** State bodies (the codes the repository's agencies use). */
const STATE_UNITS: readonly UnidadDir3[] = [
  state('E00003301', 'Ministerio de Defensa'),
  state('E04720503', 'Unidad Militar de Emergencias', 'E00003301'),
  state('E00003901', 'Agencia Estatal de Administración Tributaria'),
  state('E00130502', 'Dirección General de Tráfico'),
  state('E00128203', 'Dirección General de la Policía'),
  state('E04925701', 'Oficina de Extranjería en Madrid'),
  state('E04921301', 'Tesorería General de la Seguridad Social'),
  state('E04921401', 'Instituto Nacional de la Seguridad Social'),
  state('E04921601', 'Servicio Público de Empleo Estatal'),
  state('E00142804', 'Instituto Nacional de Estadística'),
  state('E05024401', 'Ministerio de Educación, Formación Profesional y Deportes'),
  state('E05188301', 'Ministerio de Ciencia, Innovación y Universidades'),
  state('E04970101', 'Agencia Española de Seguridad Alimentaria y Nutrición'),
];

/** Autonomous communities' governments ("A" + the INE's community code + six digits), and some of their bodies. */
const REGIONAL_UNITS: readonly UnidadDir3[] = [
  region('A01002820', 'Junta de Andalucía'),
  region('A01025641', 'Consejería de Agricultura, Pesca, Agua y Desarrollo Rural', 'A01002820'),
  region('A02002834', 'Gobierno de Aragón'),
  region('A04003003', 'Gobierno de las Illes Balears'),
  region('A04013548', 'Instituto Balear de la Naturaleza (IBANAT)', 'A04003003'),
  region('A05003638', 'Comunidad Autónoma de Canarias'),
  region('A07002862', 'Junta de Castilla y León'),
  region('A07023555', 'Servicio de Incendios Forestales', 'A07002862'),
  region('A08002880', 'Comunidad Autónoma de Castilla-La Mancha'),
  region('A08047750', 'Centro Operativo Regional de Lucha contra Incendios Forestales', 'A08002880'),
  region('A09002970', 'Generalitat de Catalunya'),
  region('A10002983', 'Generalitat Valenciana'),
  region('A10023472', 'Servicio de Extinción de Incendios Forestales', 'A10002983'),
  region('A11002926', 'Junta de Extremadura'),
  region('A11030455', 'Servicio de Prevención y Extinción de Incendios Forestales', 'A11002926'),
  region('A12002994', 'Comunidad Autónoma de Galicia'),
  region('A13002908', 'Comunidad de Madrid'),
  region('A14002961', 'Región de Murcia'),
  region('A14029799', 'Consorcio de Extinción de Incendios y Salvamento de la Región de Murcia', 'A14002961'),
];

/** City councils by INE municipality code: the provincial capitals and other large towns. */
export const MUNICIPIOS: readonly (readonly [ine: string, denominacion: string])[] = [
  ['01059', 'Ayuntamiento de Vitoria-Gasteiz'],
  ['02003', 'Ayuntamiento de Albacete'],
  ['03014', 'Ayuntamiento de Alicante/Alacant'],
  ['03065', 'Ayuntamiento de Elche/Elx'],
  ['03031', 'Ayuntamiento de Benidorm'],
  ['04013', 'Ayuntamiento de Almería'],
  ['05019', 'Ayuntamiento de Ávila'],
  ['06015', 'Ayuntamiento de Badajoz'],
  ['06083', 'Ayuntamiento de Mérida'],
  ['07040', 'Ajuntament de Palma'],
  ['08019', 'Ajuntament de Barcelona'],
  ['08101', "Ajuntament de L'Hospitalet de Llobregat"],
  ['08015', 'Ajuntament de Badalona'],
  ['08279', 'Ajuntament de Terrassa'],
  ['08187', 'Ajuntament de Sabadell'],
  ['08121', 'Ajuntament de Mataró'],
  ['08245', 'Ajuntament de Santa Coloma de Gramenet'],
  ['08073', 'Ajuntament de Cornellà de Llobregat'],
  ['08205', 'Ajuntament de Sant Cugat del Vallès'],
  ['08113', 'Ajuntament de Manresa'],
  ['08307', 'Ajuntament de Vilanova i la Geltrú'],
  ['09059', 'Ayuntamiento de Burgos'],
  ['10037', 'Ayuntamiento de Cáceres'],
  ['11012', 'Ayuntamiento de Cádiz'],
  ['11020', 'Ayuntamiento de Jerez de la Frontera'],
  ['11004', 'Ayuntamiento de Algeciras'],
  ['12040', 'Ajuntament de Castelló de la Plana'],
  ['13034', 'Ayuntamiento de Ciudad Real'],
  ['14021', 'Ayuntamiento de Córdoba'],
  ['15030', 'Concello da Coruña'],
  ['15078', 'Concello de Santiago de Compostela'],
  ['16078', 'Ayuntamiento de Cuenca'],
  ['17079', 'Ajuntament de Girona'],
  ['18087', 'Ayuntamiento de Granada'],
  ['19130', 'Ayuntamiento de Guadalajara'],
  ['20069', 'Ayuntamiento de Donostia/San Sebastián'],
  ['20045', 'Ayuntamiento de Irun'],
  ['21041', 'Ayuntamiento de Huelva'],
  ['22125', 'Ayuntamiento de Huesca'],
  ['23050', 'Ayuntamiento de Jaén'],
  ['24089', 'Ayuntamiento de León'],
  ['24115', 'Ayuntamiento de Ponferrada'],
  ['25120', 'Ajuntament de Lleida'],
  ['26089', 'Ayuntamiento de Logroño'],
  ['27028', 'Concello de Lugo'],
  ['28079', 'Ayuntamiento de Madrid'],
  ['28005', 'Ayuntamiento de Alcalá de Henares'],
  ['28006', 'Ayuntamiento de Alcobendas'],
  ['28007', 'Ayuntamiento de Alcorcón'],
  ['28013', 'Ayuntamiento de Aranjuez'],
  ['28049', 'Ayuntamiento de Coslada'],
  ['28058', 'Ayuntamiento de Fuenlabrada'],
  ['28065', 'Ayuntamiento de Getafe'],
  ['28074', 'Ayuntamiento de Leganés'],
  ['28080', 'Ayuntamiento de Majadahonda'],
  ['28092', 'Ayuntamiento de Móstoles'],
  ['28106', 'Ayuntamiento de Parla'],
  ['28115', 'Ayuntamiento de Pozuelo de Alarcón'],
  ['28123', 'Ayuntamiento de Rivas-Vaciamadrid'],
  ['28127', 'Ayuntamiento de Las Rozas de Madrid'],
  ['28134', 'Ayuntamiento de San Sebastián de los Reyes'],
  ['28148', 'Ayuntamiento de Torrejón de Ardoz'],
  ['29067', 'Ayuntamiento de Málaga'],
  ['29069', 'Ayuntamiento de Marbella'],
  ['29054', 'Ayuntamiento de Fuengirola'],
  ['30030', 'Ayuntamiento de Murcia'],
  ['30016', 'Ayuntamiento de Cartagena'],
  ['31201', 'Ayuntamiento de Pamplona/Iruña'],
  ['32054', 'Concello de Ourense'],
  ['33044', 'Ayuntamiento de Oviedo'],
  ['33024', 'Ayuntamiento de Gijón'],
  ['34120', 'Ayuntamiento de Palencia'],
  ['35016', 'Ayuntamiento de Las Palmas de Gran Canaria'],
  ['36038', 'Concello de Pontevedra'],
  ['36057', 'Concello de Vigo'],
  ['37274', 'Ayuntamiento de Salamanca'],
  ['38038', 'Ayuntamiento de Santa Cruz de Tenerife'],
  ['38023', 'Ayuntamiento de San Cristóbal de La Laguna'],
  ['39075', 'Ayuntamiento de Santander'],
  ['40194', 'Ayuntamiento de Segovia'],
  ['41091', 'Ayuntamiento de Sevilla'],
  ['41038', 'Ayuntamiento de Dos Hermanas'],
  ['42173', 'Ayuntamiento de Soria'],
  ['43148', 'Ajuntament de Tarragona'],
  ['43123', 'Ajuntament de Reus'],
  ['44216', 'Ayuntamiento de Teruel'],
  ['45168', 'Ayuntamiento de Toledo'],
  ['45165', 'Ayuntamiento de Talavera de la Reina'],
  ['46250', 'Ajuntament de València'],
  ['46131', 'Ajuntament de Gandia'],
  ['47186', 'Ayuntamiento de Valladolid'],
  ['48020', 'Ayuntamiento de Bilbao'],
  ['48013', 'Ayuntamiento de Barakaldo'],
  ['49275', 'Ayuntamiento de Zamora'],
  ['50297', 'Ayuntamiento de Zaragoza'],
  ['51001', 'Ciudad Autónoma de Ceuta'],
  ['52001', 'Ciudad Autónoma de Melilla'],
];

/** Synthetic departments of each city council (codes and names say they are test units). */
const TEST_DEPARTMENTS = ['Registro General', 'Área de Urbanismo', 'Área de Hacienda y Tributos'] as const;

/** A synthetic test unit that returns every entry addressed to it (to show the "rejected" state). */
export const RETURNING_TEST_UNIT = 'P00000999';
/** A synthetic unit that no longer exists: submissions to it are refused. */
export const EXTINCT_TEST_UNIT = 'P00000998';

function localUnits(): UnidadDir3[] {
  const units: UnidadDir3[] = [];
  MUNICIPIOS.forEach(([ine, denominacion], index) => {
    const codigo = cityCouncilDir3(ine);
    units.push({
      codigo,
      denominacion,
      nivelAdministracion: 3,
      nivelJerarquico: 1,
      codUnidadSuperior: null,
      codUnidadRaiz: codigo,
      estado: 'V',
    });
    TEST_DEPARTMENTS.forEach((department, position) => {
      units.push({
        codigo: `P${String(1000 + index * 10 + position).padStart(8, '0')}`,
        denominacion: `${department} — ${denominacion} (unidad de pruebas)`,
        nivelAdministracion: 3,
        nivelJerarquico: 2,
        codUnidadSuperior: codigo,
        codUnidadRaiz: codigo,
        estado: 'V',
      });
    });
  });
  return units;
}

const OTHER_TEST_UNITS: readonly UnidadDir3[] = [
  {
    codigo: RETURNING_TEST_UNIT,
    denominacion: 'Unidad de pruebas que devuelve los asientos (unidad de pruebas)',
    nivelAdministracion: 5,
    nivelJerarquico: 1,
    codUnidadSuperior: null,
    codUnidadRaiz: RETURNING_TEST_UNIT,
    estado: 'V',
  },
  {
    codigo: EXTINCT_TEST_UNIT,
    denominacion: 'Unidad extinguida (unidad de pruebas)',
    nivelAdministracion: 5,
    nivelJerarquico: 1,
    codUnidadSuperior: null,
    codUnidadRaiz: EXTINCT_TEST_UNIT,
    estado: 'E',
  },
];

/** The whole directory, in a stable order: a fresh copy each call. */
export function createDir3Directory(): UnidadDir3[] {
  return [...STATE_UNITS, ...REGIONAL_UNITS, ...localUnits(), ...OTHER_TEST_UNITS].map((unit) => ({
    ...unit,
  }));
}

let cached: ReadonlyMap<string, UnidadDir3> | undefined;

/** A unit by code (any state), from one shared read-only copy. */
export function findDir3Unit(codigo: string): UnidadDir3 | undefined {
  cached ??= new Map(createDir3Directory().map((unit) => [unit.codigo, Object.freeze(unit)]));
  return cached.get(codigo);
}
