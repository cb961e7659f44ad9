import type { Lexicon } from './types';

const DIA = '(lunes|martes|miercoles|jueves|viernes|manana|la proxima semana|la semana que viene|esta semana)';

export const es: Lexicon = {
  lang: 'es',
  optOut: [
    { re: /\bdar(me|nos)? de baja\b|\bme doy de baja\b|\bbaja (de|del) (la |su |esta |vuestra )?(lista|listas|base de datos|envios)\b|\bsolicito (la )?baja\b|\bden(me)? de baja\b/, label: 'darme de baja', weight: 2 },
    { re: /\b(eliminar|borrar|quitar|sacar|retirar|excluir|suprimir)(me|nos)?( mi| mis| nuestro| nuestra)?( correo| direccion| datos| email| e-mail| contacto)? de (su|la|esta|vuestra|sus|vuestras|todas|cualquier) (lista|base de datos|listas|bases de datos|envios|campana|secuencia)\b|\b(eliminen|borren|quiten|saquen|retiren|excluyan)(me|nos)\b|\b(eliminen|borren|supriman) (mis|mi) (datos|correo|direccion)\b/, label: 'eliminarme de la lista', weight: 2 },
    { re: /\bno (me |nos )?(envien|envies|manden|mandes|escriban|escribas|contacten|contactes|vuelvan a (escribir|contactar|enviar))( mas| nada)?\b|\bno quiero (recibir|que me)\b|\bdejen de (escribirme|enviarme|contactarme|mandarme|escribirnos|enviarnos|molestar)\b|\bdeje de (escribirme|enviarme|contactarme)\b|\bno (vuelvan|vuelva) a\b/, label: 'no me envíen más', weight: 2 },
    { re: /\b(cancelar (mi |la )?suscripcion|desuscribir(me)?|desuscripcion|darse de baja)\b/, label: 'cancelar suscripción', weight: 2 },
    { re: /\b(me opongo|oposicion)\b.{0,60}\b(tratamiento|datos|publicidad|comercial)\b|\b(derecho|solicitud) (de|al) (supresion|oposicion|olvido)\b|\brgpd\b|\blopd(gdd)?\b|\baepd\b|\bagencia (espanola )?de proteccion de datos\b/, label: 'oposición RGPD', weight: 2 },
    { re: /\bes spam\b|\bspam\b.{0,20}\b(denunci|reporta)\w*|\babogado\b|\bdenuncia\b|\bacciones legales\b|\bdejen?me en paz\b/, label: 'amenaza / spam', weight: 2 },
  ],
  optOutNotRequest: [],
  notInterested: [
    { re: /\bno (nos|me) interesa\b|\bno (estamos|estoy) interesad[oa]s?\b|\bno necesitamos\b|\bno,? gracias\b|\bgracias,? pero no\b|\bsin interes\b|\bno es (para nosotros|relevante|lo que buscamos)\b|\bno encaja\b|\bno nos encaja\b|^paso[.!]*$|\bpaso,? gracias\b|\bpasamos,? gracias\b/, label: 'no nos interesa', weight: 2 },
  ],
  price: [
    { re: /\bdemasiado car[oa]s?\b|\bsin presupuesto\b|\bno (tenemos|hay|contamos con) (presupuesto|partida)\b|\bpresupuesto (esta |ya esta )?(congelado|agotado|cerrado|ajustado|limitado)\b|\b(precio|coste|costo)s? (es |son )?(muy |demasiado )?(alto|altos|elevado|elevados)\b|\bfuera de (nuestro|mi) presupuesto\b|\bno nos (lo )?podemos permitir\b|\bexcede (nuestro|el) presupuesto\b/, label: 'demasiado caro', weight: 2 },
  ],
  timing: [
    { re: /\bno es (el )?(buen |mejor )?momento\b|\bahora no\b|\bpor ahora no\b|\bmas adelante\b|\bel (proximo|ano que viene|siguiente) (ano|trimestre|semestre)?\b|\bel ano que viene\b|\bel proximo ano\b|\b(vuelve|vuelva|vuelvan) a (escribir|contactar)(me|nos)? (en|despues|a partir|el proximo)\b|\b(escribe|escriba|contacta|contacte)(me|nos) (en|despues de|a partir de|el proximo)\b|\ben (el )?(primer|segundo|tercer|cuarto) trimestre\b|\ben (enero|febrero|marzo|abril|mayo|junio|julio|septiembre|octubre|2027)\b|\ben (pleno|plena|medio de) (cierre|migracion|proyecto|auditoria|implantacion)\b|\bno tenemos (tiempo|capacidad)\b|\bpor el momento no\b|\bde momento no\b/, label: 'no es el momento', weight: 2 },
  ],
  competitor: [
    { re: /\bya (usamos|utilizamos|tenemos|trabajamos con|contamos con|hemos elegido|elegimos|optamos|firmamos|lo (resolvemos|resolvimos|hacemos|cubrimos|tenemos resuelto)|resolvimos)\b|\b(con|mediante) el modulo\b|\b(otro|otra) (proveedor|solucion|herramienta|empresa)\b|\b(proveedor|solucion|herramienta) actual\b|\bdesarroll(o|ado|ada|amos|ados|adas) (internamente|propia|propio|a medida|en casa)\b|\bsolucion (propia|interna|a medida)\b|\bherramienta (propia|interna)\b/, label: 'ya tenemos una solución', weight: 2 },
  ],
  referral: [
    { re: /\bno soy la persona (adecuada|indicada|correcta|responsable)\b|\b(mi|nuestro|nuestra) (companer[oa]|colega|jef[ea]|director[a]?|responsable|cfo|controller|contador[a]?( general)?)\b|\blo (maneja|lleva|gestiona|ve|coordina)\b|\b(contacta|contacte|contactar|hable|habla|escriba|escribe|dirijase|dirigete) (a|con) (mi|nuestro|nuestra|el|la)\b|\b(le |te )?(he )?(reenviado|reenvio|reenviare|pasado|paso|pasare) (su|tu|el|este) (correo|mensaje|email)\b|\ben copia\b|\bse encarga\b|\bes (el|la) responsable\b|\bquien (lleva|gestiona) (esto|este tema)\b/, label: 'no soy la persona adecuada / compañero', weight: 2 },
  ],
  meeting: [
    { re: new RegExp(`\\bpodemos (hablar|reunirnos|quedar|tener una llamada|hacer una (llamada|demo|reunion))\\b|\\b(agendar|programar|organizar|concertar|coordinar|fijar) (una )?(llamada|reunion|cita|videollamada|demo|demostracion)\\b|\\b(mandame|enviame|enviadme|envieme|mandeme) (una )?(invitacion|convocatoria|enlace)\\b|\\b(llamada|reunion|demo|videollamada|cita)\\b.{0,40}\\b${DIA}\\b|\\b${DIA}\\b.{0,30}\\b(a las \\d{1,2}|me viene bien|me va bien|me sirve|esta bien|perfecto|por la (manana|tarde))\\b|\\b(tienes|tiene) (disponibilidad|hueco|tiempo)\\b|\\bque (dia|horario|hora)s? (te|le) (viene|va) bien\\b|\\bhablemos\\b`), label: 'podemos hablar', weight: 2 },
  ],
  question: [
    { re: /\b(me gustaria|quisiera|queria|quisieramos) (saber|conocer|entender|mas (informacion|detalles) sobre)\b|\b(podria|podrias|pueden) (enviarme|indicarme|decirme|explicarme|mandarme)\b/, label: 'me gustaría saber', weight: 2 },
  ],
  interest: [
    { re: /\bmant(en|eng)(a|an)?me (al tanto|informad[oa])\b|\bmantenme al tanto\b|\b(justo|precisamente) (estamos|estaba) buscando\b|(?<!\bno )\bme interesa\b|(?<!\bno )\bnos interesa\b|\bsuena (bien|interesante|genial)\b|\b(mas|mayor) informacion\b|\bme gustaria (saber|conocer) mas\b|\bparece interesante\b|\bestamos interesados\b|\bestoy interesad[oa]\b|\binteresante\b/, label: 'me interesa', weight: 2 },
  ],
  threat: [
    { re: /\b(abogado|denuncia|denunciar|acciones legales|aepd|agencia de proteccion de datos|demanda)\b/, label: 'amenaza legal' },
  ],
  anger: [
    { re: /\b(inaceptable|vergonzoso|acoso|harto|harta|basta ya|una verguenza|joder|mierda|estafa)\b/, label: 'enfado' },
  ],
  confused: [
    { re: /\bquien (es usted|eres|son ustedes)\b|\b(como|de donde) (consiguio|consiguieron|obtuvo|obtuvieron|saco|sacaron|tienen|tiene|han obtenido|ha obtenido) (mi|mis|nuestro|este)\b/, label: 'cómo consiguió mi correo' },
    { re: /\bnunca me (suscribi|registre|di de alta)\b|\bsin (mi )?consentimiento\b|\bnunca (di|he dado) (mi )?(consentimiento|permiso)\b/, label: 'nunca consentí', weight: 2 },
  ],
  away: [
    { re: /\b(fuera de la oficina|fuera de oficina|fuera del despacho)\b|\b(estoy|estare|me encuentro|esta|estara) (de vacaciones|ausente|fuera|de viaje|de baja|de permiso|de licencia|disfrutando de)\b|\bde vacaciones\b|\bausente\b|\bbaja (por )?(maternidad|paternidad|medica)\b/, label: 'estoy fuera / de vacaciones' },
  ],
  awayNotice: [
    { re: /\ba mi (regreso|vuelta)\b|\bacceso limitado\b|\bno tendre acceso\b|\bsin acceso al correo\b|\bpara (asuntos|temas|casos|consultas) urgentes\b|\ben caso de urgencia\b|\bgracias por su (mensaje|correo)\b|\bdurante mi ausencia\b|\bresponder(e|é) (a su|su|tu) (correo|mensaje)\b/, label: 'aviso de ausencia' },
  ],
  automatic: [
    { re: /\bbuzon (no (es )?(revisado|monitoreado|supervisado|atendido)|sin supervision)\b|\beste buzon no se (revisa|monitorea)\b/, label: 'buzón no revisado', weight: 2 },
    { re: /\bya no (colabora|trabaja|forma parte)\b|\b(respuesta|mensaje) automatic[oa]\b|\bgenerado automaticamente\b|\bya no (trabaja|forma parte)\b|\bno se supervisa\b|\bhemos recibido su (solicitud|mensaje|consulta|correo)\b|\bno responda a este\b/, label: 'respuesta automática' },
  ],
  autoSubjects: [
    { re: /^(respuesta automatica|respuesta de ausencia|acuse de recibo)/, away: false },
    { re: /^(fuera de la oficina|fuera de oficina|ausente|ausencia|de vacaciones)/, away: true },
  ],
  returnCue: ['regreso', 'regresare', 'regresa', 'vuelvo', 'volvere', 'vuelve', 'de vuelta', 'a partir del', 'a partir de', 'me reincorporo', 'me reincorporare', 'reincorporare', 'estare de vuelta', 'de regreso', 'retomare'],
  untilCue: ['hasta', 'hasta el', 'al'],
  fromCue: ['desde', 'del', 'entre'],
};
