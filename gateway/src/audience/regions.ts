/*
 * Spain's territorial codes as the INE (Instituto Nacional de Estadística) gives them: 52
 * provinces (including the autonomous cities of Ceuta and Melilla) in 19 autonomous communities
 * and cities. A municipality's 5-digit code starts with its province's code, so a municipality
 * alone gives the province and the community.
 */

/** INE province code → INE code of its autonomous community (or autonomous city). */
export const PROVINCE_COMMUNITY: Readonly<Record<string, string>> = {
  '01': '16', // Araba/Álava → País Vasco
  '02': '08', // Albacete → Castilla-La Mancha
  '03': '10', // Alicante/Alacant → Comunitat Valenciana
  '04': '01', // Almería → Andalucía
  '05': '07', // Ávila → Castilla y León
  '06': '11', // Badajoz → Extremadura
  '07': '04', // Illes Balears
  '08': '09', // Barcelona → Cataluña
  '09': '07', // Burgos → Castilla y León
  '10': '11', // Cáceres → Extremadura
  '11': '01', // Cádiz → Andalucía
  '12': '10', // Castellón/Castelló → Comunitat Valenciana
  '13': '08', // Ciudad Real → Castilla-La Mancha
  '14': '01', // Córdoba → Andalucía
  '15': '12', // A Coruña → Galicia
  '16': '08', // Cuenca → Castilla-La Mancha
  '17': '09', // Girona → Cataluña
  '18': '01', // Granada → Andalucía
  '19': '08', // Guadalajara → Castilla-La Mancha
  '20': '16', // Gipuzkoa → País Vasco
  '21': '01', // Huelva → Andalucía
  '22': '02', // Huesca → Aragón
  '23': '01', // Jaén → Andalucía
  '24': '07', // León → Castilla y León
  '25': '09', // Lleida → Cataluña
  '26': '17', // La Rioja
  '27': '12', // Lugo → Galicia
  '28': '13', // Madrid → Comunidad de Madrid
  '29': '01', // Málaga → Andalucía
  '30': '14', // Murcia → Región de Murcia
  '31': '15', // Navarra → Comunidad Foral de Navarra
  '32': '12', // Ourense → Galicia
  '33': '03', // Asturias → Principado de Asturias
  '34': '07', // Palencia → Castilla y León
  '35': '05', // Las Palmas → Canarias
  '36': '12', // Pontevedra → Galicia
  '37': '07', // Salamanca → Castilla y León
  '38': '05', // Santa Cruz de Tenerife → Canarias
  '39': '06', // Cantabria
  '40': '07', // Segovia → Castilla y León
  '41': '01', // Sevilla → Andalucía
  '42': '07', // Soria → Castilla y León
  '43': '09', // Tarragona → Cataluña
  '44': '02', // Teruel → Aragón
  '45': '08', // Toledo → Castilla-La Mancha
  '46': '10', // Valencia/València → Comunitat Valenciana
  '47': '07', // Valladolid → Castilla y León
  '48': '16', // Bizkaia → País Vasco
  '49': '07', // Zamora → Castilla y León
  '50': '02', // Zaragoza → Aragón
  '51': '18', // Ceuta
  '52': '19', // Melilla
};

export const PROVINCE_CODES: readonly string[] = Object.keys(PROVINCE_COMMUNITY).sort();

/** Where a person lives, as the census gives it, with the province and community it implies. */
export interface Place {
  /** INE municipality code, 5 digits. */
  municipality: string;
  province: string;
  community: string;
}

const MUNICIPALITY = /^[0-9]{5}$/;

/** The place of a 5-digit INE municipality code, or null when it is not one. */
export function placeOf(municipality: string): Place | null {
  if (!MUNICIPALITY.test(municipality)) return null;
  const province = municipality.slice(0, 2);
  const community = PROVINCE_COMMUNITY[province];
  return community ? { municipality, province, community } : null;
}
