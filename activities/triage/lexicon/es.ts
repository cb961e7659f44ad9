import type { Lexicon } from './types';

// Spanish of Spain and of Latin America: usted / ustedes, tú, vosotros and voseo ("mandame", "escribime") forms,
// folded (no accents, ñ → n, so "mañana" is "manana").

const DIA =
  '(lunes|martes|miercoles|jueves|viernes|manana|pasado manana|la proxima semana|la semana que viene|esta semana|(el )?proximo (lunes|martes|miercoles|jueves|viernes))';
// Not a day an absence notice names ("vuelvo el lunes a las 9", "fuera hasta mañana por la tarde").
const NO_VUELTA =
  '(?<!\\b(vuelvo|regreso|volvere|regresare|vuelve|regresa|volvera|regresara|de vuelta|de regreso|hasta|reincorporo|reincorporare|reincorpora|desde|ausente|fuera|disponible|oficina) (el |la |este |el proximo |del |al )?)';
const HORA = '(a las \\d{1,2}([:.]\\d{2})?( ?h| ?hs| horas| ?am| ?pm)?|\\d{1,2}:\\d{2}( ?h| ?hs| horas)?)';
// A list, base or mailing someone can be taken off. Not "sistema" or "agenda", which product replies mention.
const LISTA =
  '(lista|listas|listado|listados|lista de (distribucion|correo|correos|envios|contactos|difusion|marketing)|base de datos|bases de datos|bbdd|base de contactos|mailing|mailings|envios|newsletter|boletin|boletines|comunicaciones|campana|campanas|secuencia|secuencias|cadencia|crm|registros|contactos)';
// "de su lista", "del listado", "de todas sus listas", "de la lista de distribución".
const DE_LISTA = `\\b(de|del) ((la|las|el|los|su|sus|esta|estas|este|estos|esa|esas|vuestra|vuestras|vuestro|vuestros|tu|tus|toda|todas|todos|cualquier|dicha|dichas) )*(\\w+ )?${LISTA}\\b`;
// Request forms of taking someone off: infinitive, imperative (usted, ustedes, tú / vos, vosotros) and subjunctive.
const QUITAR =
  '(elimin|borr|quit|retir|desapunt|desinscrib|desuscrib|desvincul)(ar|en|e|es|a|ad|ara|aran|aras|ase|asen|eis)|(saquen|saque|saques|saca|sacad|sacar|sacara|sacaran|sacase|sacasen)|(excluyan|excluya|excluyas|excluye|excluid|excluir|excluyera|excluyeran|excluyese|excluyesen)|(supriman|suprima|suprimas|suprime|suprimid|suprimir|suprimiera|suprimieran)|(remuevan|remueva|remuevas|remover|removieran|removiera)';
// The same with the person attached: "elimínenme", "sácame", "quitadnos", "borrarme".
// After "me" / "nos": subjunctive or infinitive only ("que me quiten", "me pueden sacar"); "me quita" is not a request.
const QUITAR_PRO =
  '(elimin|borr|quit|retir|desapunt|desinscrib|desuscrib|desvincul)(ar|en|e|es|ara|aran|aras|ase|asen|eis)|(saquen|saque|saques|sacar|sacara|sacaran|sacase|sacasen)|(excluyan|excluya|excluyas|excluir|excluyera|excluyeran|excluyese|excluyesen)|(supriman|suprima|suprimas|suprimir|suprimiera|suprimieran)|(remuevan|remueva|remuevas|remover|removieran|removiera)';
const QUITARME =
  '(elimin|borr|quit|retir|desapunt|desvincul)(enme|eme|ame|adme|arme|ennos|enos|anos|adnos|arnos)|(saquenme|saqueme|sacame|sacadme|sacarme|saquennos|sacanos|sacarnos)|(excluyanme|excluyame|excluyeme|excluidme|excluirme|excluirnos)|(suprimanme|suprimame|suprimirme)|(remuevanme|remuevame|remueveme|removerme|removednos|removedme)|(desinscrib|desuscrib)(anme|ame|eme|irme|irnos)';
const ENVIAR_SUBJ =
  '(envien|envie|envies|envieis|manden|mande|mandes|mandeis|escriban|escriba|escribas|escribais|contacten|contacte|contactes|contacteis|llamen|molesten|moleste|molestes|molesteis|incluyan|agreguen|anadan|spameen|reenvien)';
const DATOS = '(mis|nuestros|todos mis|todos nuestros) datos( personales| de contacto)?';
const MI_DIRECCION = '(mi|nuestra|esta) (direccion( de correo| de email| de e-?mail| electronica)?|cuenta de correo|correo( electronico)?|e-?mail|mail)';
// A first-person threat: "voy a", "procederé a", "no dudaré en" before an infinitive, or a first-person future. Not
// "informaré a nuestro abogado" or "a nuestro delegado de protección de datos": people say that about a contract.
const AMENAZO =
  '((voy|vamos) a|procedere a|procederemos a|no dudare en|no dudaremos en|me vere obligad[oa] a|nos veremos obligados a|tendre que|tendremos que|pienso|pensamos|estoy a punto de|me reservo el derecho a|nos reservamos el derecho a)';
const DENUNCIA_INF =
  '(denunciar(les|los|las|lo|la|te)?|reportar(les|los|las|lo|la|te)?|presentar (una )?(denuncia|queja|reclamacion)|poner (una )?(denuncia|queja|reclamacion)|interponer (una )?(denuncia|queja|reclamacion|demanda)|acudir|dar parte|elevar (una )?(queja|reclamacion)|marcar(los|lo|les)? (\\w+ )?como)';
const DENUNCIA_FUT =
  '(denunciare|denunciaremos|reportare|reportaremos|(presentare|presentaremos|pondre|pondremos|interpondre|interpondremos|elevare|elevaremos) (una )?(denuncia|queja|reclamacion|demanda)|acudire|acudiremos|dare parte|daremos parte|(marcare|marcaremos) (\\w+ )?como)';
const AUTORIDAD =
  '(aepd|agencia (espanola )?de proteccion de datos|autoridad de (control|proteccion)|autoridad|autoridades|profeco|inai|superintendencia|sic\\b|defensa del consumidor|policia|abogad\\w*|juzgado|tribunal\\w*|fiscalia|spam|correo no deseado|lista negra|spamhaus)';
const TIEMPO_LUEGO =
  '(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|2027|el (proximo|siguiente|nuevo) (ano|trimestre|semestre|ejercicio|mes)|el ano (que viene|proximo)|ano nuevo|unos meses|unas semanas|un par de meses|(dos|tres|cuatro|seis|\\d+) meses|el (primer|segundo|tercer|cuarto) trimestre|q[1-4]|la primavera|primavera|el verano|verano|el otono|otono|(las )?fiestas|navidad(es)?|fin de ano|reyes|semana santa|otro momento)';
// Asking to be written to, or to talk, again (followed by a later time in the timing rules).
const VOLVER =
  '(vuelv(a|an|e|as)|vuelvame|vuelvanos|escrib(a|an|e|eme|anme|ame|ime|enos|anos|irme|irnos)|contact(a|e|en|eme|enme|ame|anos|enos|arme|arnos)|pong(ase|anse|ate|amonos) en contacto|ponte en contacto|retom(a|e|en|ar|amos|emos|arlo|emoslo|amoslo)|habl(amos|emos|ar|arlo|emoslo)|lo (vemos|retomamos|hablamos|revisamos|miramos|valoramos|evaluamos|vemos de nuevo)|volvamos a hablar|volvemos a hablar|conversamos|charlamos|revis(amos|emos|ar)(lo)?|lo dejamos para|dejemoslo para|pregunte(nme)?|consult(a|e|en)(me|nos))';
const ROL =
  '(companer[oa]s?|colega|jef[ea]|director[a]?|responsable|cfo|controller|contralor[a]?|contador[a]?|contable|gerente|tesorer[oa]|socio|socia|administrador[a]?|encargad[oa]|coordinador[a]?|analista|area|departamento|equipo|superior)';
const PRODUCTO =
  '(sap|oracle|netsuite|dynamics|business central|navision|sage|a3|holded|contpaq|contpaqi|aspel|siigo|alegra|odoo|blackline|floqast|trintech|xero|quickbooks|tango|bejerman|defontana|softland|world office|helisa|microsip|cegid|wolters kluwer|kyriba)';
const TEMA =
  '(precio|precios|tarifa|tarifas|coste|costes|costo|costos|cuanto|licencia|licencias|usuarios|plan|planes|descuento|integra\\w*|api|conector|seguridad|soc ?2|iso|certificad\\w*|cifrado|datos|servidor\\w*|alojamiento|hosting|nube|referencias|casos de (exito|uso)|clientes|contrato|condiciones|permanencia|idioma|espanol|soporte|implantacion|implementacion|piloto|prueba|sap|oracle|netsuite|erp|dynamics|sage|a3|holded|contpaq\\w*|siigo|odoo|moneda|monedas|multimoneda|divisas|tipo de cambio|factura\\w*|consolidacion|intercompan\\w*|funciona|como|cuales|cual|si )';

export const es: Lexicon = {
  lang: 'es',
  optOut: [
    { re: /^(por favor,? |favor de )?(baja|de baja|dar de baja|darme de baja|darse de baja|denme de baja|borrar|borrarme|eliminar|eliminarme|desuscribir|desuscribirme|quitarme|sacarme)(,? (por favor|gracias|ya|inmediatamente))?[.!]*$/, label: 'baja (una palabra)', weight: 2 },
    {
      re: /\b(darme|darnos|darla|darse|dame|danos|dadme|dadnos|deme|denos|denme|dennos|demen)\b de baja\b|\b(me|nos) (de|den|des|deis|da|dan|das|dais|doy|damos|diera|dieran|dieras|dierais|diese|diesen|dara|daran|daras|dareis|daria|darian|darias|han dado|ha dado|has dado|habeis dado|hayan dado|haya dado|hayas dado|podrian dar|podria dar|pueden dar|puede dar|puedes dar|podeis dar|podrias dar|van a dar|va a dar|vas a dar)\b de baja\b|\bdar de baja (a )?(esta|mi|este|nuestra|nuestro) (direccion|correo|email|e-mail|mail|cuenta|contacto|suscripcion)\b/,
      label: 'darme de baja',
      weight: 2,
    },
    {
      re: /\b(solicito|solicitamos|solicitar|pido|pedimos|quiero|queremos|deseo|deseamos|quisiera|quisieramos|exijo|exigimos|confirmen|confirme|confirmar|tramiten|tramite|tramitar|procesen|procesar|gestionen|gestionar|proceder a|procedan a|proceda a|efectuen|realicen|hagan efectiva) (la|mi|nuestra|su) baja\b|\bbaja (de|del) ((la|las|el|los|su|sus|esta|vuestra|vuestras|tu|tus|toda|todas) )*(\w+ )?(lista|listas|listado|base de datos|bbdd|mailing|envios|boletin|newsletter|comunicaciones|correos|campana|campanas|secuencia|distribucion)\b|\bbaja inmediata\b/,
      label: 'solicito la baja',
      weight: 2,
    },
    {
      re: new RegExp(`\\b(${QUITARME})\\b[^.!?\\n]{0,40}${DE_LISTA}|\\b(me|nos) ((pueden|podrian|puede|podria|podeis|podrias|puedes|van a|vayan a|deben|debe|tienen que|tiene que|hagan el favor de|haga el favor de) )?(${QUITAR_PRO})\\b[^.!?\\n]{0,40}${DE_LISTA}`),
      label: 'elimínenme de la lista',
      weight: 2,
    },
    {
      re: new RegExp(`\\b(elimin|borr)(enme|eme|ame|adme|ennos|enos|anos|adnos)\\b|\\b(me|nos) (elimin|borr)(en|es|ara|aran|aras|ase|asen)\\b|\\b(suprimanme|suprimame)\\b|\\b(${QUITAR}|dar de baja)( (todos|todas|por completo|definitivamente|de inmediato|ya))? (${DATOS}|${MI_DIRECCION})\\b|\\b(supresion|eliminacion|borrado|cancelacion|destruccion|baja) (de )?(${DATOS}|${MI_DIRECCION})\\b`),
      label: 'borren mis datos',
      weight: 2,
    },
    {
      re: new RegExp(`\\bno (me |nos )?(vuelvan|vuelva|vuelvas|volvais) a (escribir|contactar|enviar|mandar|llamar|molestar)(me|nos)?\\b|\\bno (me|nos) (?!llamen)${ENVIAR_SUBJ}\\b|\\bno ${ENVIAR_SUBJ} (mas|nada mas|ningun|ninguna|otro|otra|correos|emails|e-mails|mails|mensajes|comunicaciones|publicidad)\\b|\\b(nunca|jamas) (mas )?(me |nos )?(vuelvan a )?${ENVIAR_SUBJ}\\b|\\bno (me |nos )?(sigan|siga|sigas|sigais) (enviando|escribiendo|mandando|contactando|molestando|llamando|insistiendo)`),
      label: 'no me envíen más',
      weight: 2,
    },
    {
      re: /\bno (quiero|queremos|deseo|deseamos|quisiera|quisieramos|necesito|necesitamos) (seguir recibiendo|recibir (nada )?mas|volver a recibir)\b|\bno (quiero|queremos|deseo|deseamos|quisiera|quisieramos|necesito|necesitamos) (mas |seguir |volver a )?(recibir|recibiendo)( mas| ningun| ninguna| nada)? (mas |sus |vuestros |vuestras |tus |estos |estas |este tipo de |esta clase de |ningun |ninguna |otro |otros )?(correos|emails|e-mails|mails|mensajes|comunicaciones|comunicados|publicidad|informacion comercial|ofertas|promociones|newsletters?|spam|propuestas|seguimientos|nada)\b|\bno (quiero|queremos|deseo|deseamos) (ser|volver a ser|seguir siendo) (contactad|molestad|incluid)|\bno (quiero|queremos|deseo|deseamos|quisiera|quisieramos) que (me|nos) (sigan|siga|sigas|vuelvan|vuelva|vuelvas|escriban|escriba|escribas|contacten|contacte|contactes|envien|envie|envies|manden|mande|mandes|llamen|molesten|moleste|incluyan|tengan en cuenta)\b|\b(prefiero|preferimos|preferiria|prefeririamos) (no recibir|que no (me|nos) (escriban|escriba|escribas|contacten|contacte|envien|envie|manden|mande|llamen))\b|\bno (me|nos) interesa (recibir|seguir recibiendo)\b|\bno (estoy|estamos) interesad[oa]s? en (recibir|seguir recibiendo|que (me|nos) (escriban|contacten))\b|\b(dejar de recibir|no recibir|no volver a recibir) (mas |sus |vuestros |vuestras |tus |estos |estas |este tipo de )?(correos|emails|e-mails|mails|mensajes|comunicaciones|publicidad|informacion comercial|ofertas|promociones|newsletters?|mas)\b/,
      label: 'no quiero recibir más correos',
      weight: 2,
    },
    {
      re: /\b(dejen|dejad|paren|parad|cesen|dejes|deje|dejeis|paren) de (enviar|mandar|escribir|contactar|molestar|llamar|spamear|insistir|enviarme|mandarme|escribirme|contactarme|molestarme|llamarme|spamearme|enviarnos|mandarnos|escribirnos|contactarnos|molestarnos|llamarnos)\b|\b(deja|para|cese|pare|dejar|parar) de (enviarme|mandarme|escribirme|contactarme|molestarme|llamarme|spamearme|enviarnos|mandarnos|escribirnos|contactarnos|molestarnos)\b|\bno mas (correos|emails|e-mails|mails|mensajes|comunicaciones|spam|seguimientos|llamadas|insistencia)\b|\bni un (correo|email|mensaje|mail) mas\b|\bbasta (ya )?de (correos|emails|e-mails|mails|mensajes|spam|insistir|escribir)\b/,
      label: 'dejen de escribirme',
      weight: 2,
    },
    {
      re: /\b(abstenganse|abstengase|abstente|absteneos) de (contactar|escribir|enviar|mandar|llamar)\w*|\b(favor de|por favor,?|les pido|le pido|te pido|les ruego|le ruego|agradeceria|agradeceriamos|les agradeceria|le agradeceria|se ruega) no (contactarme|escribirme|enviarme|mandarme|molestarme|contactarnos|escribirnos|enviarnos|mandarnos|volver a (contactar|escribir|enviar)\w*|enviar mas|mandar mas|escribir mas)\b|\bno (enviar|mandar|escribir)(me|nos|les)? mas (correos|emails|e-mails|mails|mensajes|comunicaciones|publicidad)\b|\bno (autorizo|autorizamos|consiento|consentimos|doy mi consentimiento|damos nuestro consentimiento)( (para )?el (uso|tratamiento) de (mis|nuestros) datos| (a )?que (usen|utilicen|traten) (mis|nuestros) datos)?\b|\b(esta|mi) (direccion|cuenta|correo)( de correo)? no es para (publicidad|ventas|proveedores|fines comerciales|comunicaciones comerciales|spam)\b|\bno (quiero|queremos) saber nada (mas )?(de ustedes|de vosotros|de su empresa|de northpeak|de esto)\b|\b(he|hemos) bloqueado (su|vuestro|tu|este) (dominio|correo|direccion|remitente)\b|\b(bloqueare|bloquearemos|voy a bloquear|vamos a bloquear) (su|vuestro|tu|este) (dominio|correo|direccion|remitente)\b/,
      label: 'absténganse de contactarme',
      weight: 2,
    },
    {
      re: /\b(cancelar|anular) (mi|nuestra) (suscripcion|subscripcion)\b|\b(quiero|queremos|deseo|deseamos|solicito|solicitamos|favor de) (cancelar|anular) (la|mi|nuestra|esta|su) (suscripcion|subscripcion)\b|\b(cancelen|anulen|cancele|anule|cancelad|anulad|cancela|anula) (mi|la|nuestra|esta) (suscripcion|subscripcion)\b|\bdesuscrib(ir|irme|irnos|anme|ame|eme|ase|an|e|o)\b|\bdesuscripcion\b|\bdesinscrib(ir|irme|irnos|anme|ame|eme)\b|\bdesapunt(arme|adme|enme|eme|ame|arnos)\b/,
      label: 'cancelar suscripción',
      weight: 2,
    },
    {
      re: /\b(incluir|incluyan|incluya|incluidme|anadir|anadan|agreguen|agregar|pongan|poner|metan|meter|apuntar|apunten)(me|nos)? (en|a) (su|la|vuestra|tu) lista (de )?(exclusion|exclusiones|robinson|no contactar|no llamar|no molestar|supresion|bloqueo|bajas)\b|\blista robinson\b|\blista de no (contactar|llamar|molestar)\b/,
      label: 'lista de exclusión',
      weight: 2,
    },
    {
      re: /\b(me opongo|nos oponemos|manifiesto mi oposicion|expreso mi oposicion)\b.{0,80}\b(tratamiento|datos|publicidad|comercial|comerciales|fines|marketing|mercadotecnia|prospeccion|envio|envios|comunicaciones|uso)\b|\b(ejerzo|ejercemos|ejercito|ejercitamos|quiero ejercer|queremos ejercer|deseo ejercer|deseamos ejercer|vengo a ejercer|solicito ejercer|por la presente ejerzo|invoco|invocamos)\b.{0,40}\b(derecho|derechos|habeas data)\b|\b(revoco|revocamos|retiro|retiramos) (mi|nuestro|el) (consentimiento|autorizacion)\b|\b(art(iculo|\.)? ?(17|21))\b.{0,40}\b(rgpd|gdpr|reglamento general de proteccion de datos|reglamento \(ue\) 2016\/679)\b|\b(rgpd|lopd|lopdgdd|lfpdppp|habeas data|ley 1581|ley 25\.?326|ley 29733|ley 19\.?628)\b.{0,60}\b(solicito|solicitamos|exijo|exigimos|me opongo|nos oponemos|eliminen|borren|supriman|derecho al olvido)\b/,
      label: 'oposición o supresión (RGPD / LOPDGDD / habeas data)',
      weight: 2,
    },
    {
      re: new RegExp(`\\b${AMENAZO} ${DENUNCIA_INF}\\b[^.!?\\n]{0,60}${AUTORIDAD}|\\b${DENUNCIA_FUT}\\b[^.!?\\n]{0,60}${AUTORIDAD}|\\b(lo|los|le|les|te|la|las) (he|hemos) (denunciado|reportado|marcado)\\b[^.!?\\n]{0,40}\\b(spam|aepd|agencia|autoridad|correo no deseado)`),
      label: 'amenaza con denunciar',
      weight: 2,
    },
    {
      re: new RegExp(`\\b${AMENAZO} (tomar|emprender|iniciar|ejercer|ejercitar) (las )?(acciones|medidas) (legales|judiciales)|\\b(tomare|tomaremos|emprendere|emprenderemos|iniciare|iniciaremos|ejercere|ejerceremos) (las )?(acciones|medidas) (legales|judiciales)|\\b(mis|nuestros) abogados (se pondran|tomaran|estaran|recibiran)|\\b(pasare|pasaremos|trasladare|trasladaremos|remitire|remitiremos) (esto|este asunto|el caso|su correo) a (mi|nuestro) (abogado|departamento legal|departamento juridico|asesoria juridica)|\\b(demandare|demandaremos|demandarles|demandarlos)\\b`),
      label: 'acciones legales',
      weight: 2,
    },
    // Calling it spam without asking anything is no opt-out (the brief): it escalates (threat). Marking or reporting it
    // as spam is a report.
    {
      re: /\b(marcare|marcaremos|marcado|he marcado|hemos marcado|marco|marcarlo|marcarlos|reportado|denunciado)\b[^.!?\n]{0,30}\bcomo (spam|correo no deseado|basura)\b|\b(basta|se acabo) (ya )?(de|con el|con tanto) spam\b|\bno mas spam\b/,
      label: 'lo marca como spam',
      weight: 2,
    },
    {
      re: /\bdej(enme|eme|ame|adme|ennos|enos|anos|adnos) en paz\b|\b(me|nos) dej(en|e|es|eis) en paz\b|\bno (me|nos) (molesten|moleste|molestes) mas\b/,
      label: 'déjenme en paz',
      weight: 2,
    },
  ],
  optOutNotRequest: [
    { re: /\bsi (no )?(desea|deseas|desean|quiere|quieres|quieren|prefiere|prefieres) (no )?(darse|darte|recibir|seguir recibiendo|dejar de recibir|ser eliminad|ejercer|cancelar|mas|que sus datos|que dejemos|desuscribirse|oponerse)[^.\n]{0,200}/, label: 'instrucciones de baja de un boletín' },
    { re: /\bpara (darse|darte|dar|solicitar la|tramitar la|gestionar la) (de )?baja\b[^.\n]{0,150}|\b(haga|haz|pulse|pulsa|hacer|pinche|pincha|de) (clic|click)[^.\n]{0,120}|\b(enlace|link|boton|vinculo) (de|para) (baja|darse de baja|darte de baja|cancelar|desuscribirse)\b/, label: 'instrucciones de baja de un boletín' },
    {
      re: /\b(usted |el interesado |el titular )?(puede|podra|pueden|podran|podras|puedes|tiene derecho a|tienen derecho a|tendra derecho a|le asiste el derecho a|asimismo,? (puede|podra)) (ejercer|ejercitar|presentar|interponer|revocar|oponerse|dirigirse|solicitar la (supresion|baja|cancelacion|limitacion)|darse de baja|cancelar su suscripcion|retirar (su|el) consentimiento)[^.\n]{0,250}/,
      label: 'cláusula de protección de datos',
    },
    { re: /\bderechos de acceso,? (rectificacion|cancelacion)[^.\n]{0,250}|\b(le informamos|informamos) (de )?que (sus|los) datos[^.\n]{0,250}/, label: 'cláusula de protección de datos' },
    { re: /\bpara (no recibir|dejar de recibir|no seguir recibiendo|no volver a recibir|cancelar (su|la|tu) suscripcion|anular (su|la|tu) suscripcion)\b[^.\n]{0,150}|\b(responda|conteste|envie|escriba|responde|contesta|envia)\b[^.\n]{0,60}\b(la palabra|el asunto|con el asunto|indicando) \W?(baja|unsubscribe|remove|eliminar)\b/, label: 'instrucciones de baja de un boletín' },
    { re: /\bno (dejen|deje|dejes|dejeis|dejas) de (enviar|mandar|escribir|contactar)\w*/, label: 'no dejen de escribirme (sigan)' },
    { re: /\bno (me|nos) (quiero|queremos) dar de baja\b|\bno (hace falta|es necesario) (darme|darnos|darse) de baja\b/, label: 'no quiere darse de baja' },
  ],
  notInterested: [
    {
      re: /\bno (nos|me|le|les) (interesa|interesan|interesaria|interesa para nada|resulta interesante|parece interesante|llama la atencion)\b|\bno (estamos|estoy|estariamos|estaria) interesad[oa]s?\b|\bno (tenemos|tengo|hay) (ningun |el menor )?interes\b|\bsin interes\b|\bno es de (nuestro|mi) interes\b|\bcarece(mos)? de interes\b|\b(tampoco|para nada) (nos|me) interesa\b/,
      label: 'no nos interesa',
      weight: 2,
    },
    { re: /\bno,? (muchas )?gracias\b|\b(muchas )?gracias,? pero no\b|^no[.!]*$|^paso[.!]*$|\bpaso,? gracias\b|\bpasamos,? gracias\b|\b(lo )?(vamos a|voy a) (pasar|dejar pasar)\b|\blo dejamos pasar\b|\b(declinamos|declino|declinar) (la |su |vuestra |tu )?(oferta|propuesta|invitacion)?\b/, label: 'no, gracias', weight: 2 },
    {
      re: /\bno (lo |la )?(necesitamos|necesito|requerimos|precisamos)\b|(?<!\bya )\bno (nos|me) (hace falta|sirve|aporta|encaja|cuadra)\b|\bno (tenemos|hay) (necesidad|necesidades)\b|\bno (aplica|procede) (para nosotros|a nuestro caso|en nuestro caso|en este caso)\b|\bno es (para nosotros|relevante|lo que buscamos|algo que necesitemos|una necesidad|prioritario|una prioridad|de utilidad)\b|\bno (nos )?encaja\b|\bno creo que (nos )?(encaje|sirva|aplique|interese)\b|\bno (vemos|veo|le vemos|le veo) (encaje|la necesidad|necesidad|valor|utilidad|sentido|aplicacion)\b/,
      label: 'no lo necesitamos',
      weight: 2,
    },
    {
      re: /\b(hemos|he) decidido no (avanzar|seguir|continuar|contratar|proceder|apostar)\b|\bno vamos a (avanzar|seguir adelante|continuar|contratar|proceder)\b|\b(lo )?descartamos\b|\bdescartado\b|\bno (estamos|estoy) (buscando|en busca de|en el mercado)\b|\bno (es|supone) un problema (para nosotros|que tengamos)\b|\bno tenemos (ese|este|dicho) problema\b|\bel cierre (ya )?(no es un problema|es rapido|funciona bien|esta resuelto)\b/,
      label: 'hemos decidido no avanzar',
      weight: 2,
    },
    { re: /\bestamos bien (asi|como estamos)\b|\bno (me |nos )?(parece|resulta|suena) (muy |tan |demasiado )?(interesante|util|relevante)\b/, label: 'estamos bien así', weight: 1 },
  ],
  price: [
    {
      re: /\b(demasiado|muy|bastante|algo|un poco|excesivamente) car[oa]s?\b|\b(es|resulta|sale|nos sale|se nos va|queda) (muy |bastante |demasiado |algo )?car[oa]\b|\bcar[oa] para (nosotros|nuestro|una empresa|un equipo)\b|\bcarisim[oa]\b/,
      label: 'demasiado caro',
      weight: 2,
    },
    {
      re: /\bsin presupuesto\b|\bno (tenemos|hay|tengo|contamos con|disponemos de|queda) (\w+ )?(presupuesto|partida|dinero|fondos)\b|\bpresupuesto( (de|del|para) (este|el|esta|la) (ano|ejercicio|trimestre|area))?( ya)? (esta |ya esta |se ha |ha sido |quedo |lo tenemos )?(congelado|agotado|cerrado|ajustado|limitado|asignado|comprometido|recortado|gastado|consumido)\b|\brecortes? (de|del|en el) (presupuesto|gasto)\b|\b(congelacion|contencion|recorte) (de|del) (gasto|gastos|presupuesto|costes|costos)\b|\b(fuera|por encima) (de|del) (nuestro |mi |el )?presupuesto\b|\bno (entra|cabe|esta contemplado) en (el |nuestro )?presupuesto\b|\b(excede|supera|sobrepasa|rebasa) (nuestro|el|mi) presupuesto\b|\b(estamos|epoca|tiempos|momento) de (recortes|austeridad|contencion)\b/,
      label: 'sin presupuesto',
      weight: 2,
    },
    {
      re: /\bno (nos |me )?(lo |la )?(podemos|puedo) (permitir|pagar|asumir|justificar)\b|\bno podemos (justificar|asumir|pagar) (ese|este|el|tal|semejante) (coste|costo|precio|gasto|importe)\b|\b(precio|coste|costo|tarifa|cuota|inversion)s?( [\w$]+){0,3}? (es|son|me parece|nos parece|parece|resulta|sigue siendo|se nos va|queda) (muy |demasiado |bastante |algo |un poco |excesivamente )?(alt[oa]s?|elevad[oa]s?|excesiv[oa]s?|car[oa]s?)\b|\b(49|cuarenta y nueve)( \$| dolares| usd| euros)?( al mes)? (por|por cada) (usuario|licencia|persona)[^.!?\n]{0,40}\b(mucho|demasiado|caro|alto|inasumible|imposible)\b|\b(inasumible|inviable) (para nosotros|economicamente|en precio|con ese precio|por precio|por el precio)\b|\b(tipo de cambio|en dolares|el dolar)[^.!?\n]{0,60}\b(caro|inviable|imposible|no nos da|no nos sale|inasumible)\b/,
      label: 'el precio es muy alto',
      weight: 2,
    },
  ],
  timing: [
    {
      re: /\bno es (el |un )?(buen|mejor|momento adecuado|momento oportuno|momento idoneo)( momento)?\b|\bno es (el )?momento\b|\bmal momento\b|\b(ahora|ahorita) (mismo )?no\b|\bno (por )?ahora\b|\b(por|de|en este|por el) (ahora|momento) no\b|\bpor ahora no\b|\bmas adelante\b|\ben otro momento\b|\beste (ano|trimestre|mes|semestre) no\b|\bno (este|en este) (ano|trimestre|semestre)\b|\b(tenemos|hay) otras prioridades\b|\bno es (una |nuestra )?prioridad (ahora|ahora mismo|en este momento|este ano|este trimestre|por ahora|de momento)\b/,
      label: 'no es el momento',
      weight: 2,
    },
    {
      re: new RegExp(
        `\\b${VOLVER}\\b[^.!?\\n]{0,25}\\b(en|despues de|pasad[oa]s?|tras|hacia|para|a principios de|a finales de|a mediados de|de cara a|dentro de|a la vuelta de|a partir de)\\b ?(los |las |el |la )?${TIEMPO_LUEGO}|\\b${VOLVER}\\b[^.!?\\n]{0,25}\\b(el|al|del) (proximo|siguiente) (ano|trimestre|semestre|ejercicio)|\\b${VOLVER}\\b[^.!?\\n]{0,25}\\bel ano (que viene|proximo)|\\b${VOLVER}\\b[^.!?\\n]{0,25}\\b(despues de|pasad[oa]s?|tras|a la vuelta de|al terminar|cuando (termine|acabe|pase)) (el cierre|la auditoria|la migracion|la implantacion|la implementacion|el proyecto)\\b`,
      ),
      label: 'escríbame en enero',
      weight: 2,
    },
    {
      re: /\b(te|le|les|os) (escribo|escribire|escribiremos|aviso|avisare|avisaremos|contacto|contactare|contactaremos|llamo|llamare|digo|dire|diremos|buscare|buscaremos)( yo| nosotros)? (cuando|si|mas adelante|en cuanto|una vez)\b|\b(ya )?(te|le|les|os) (aviso|avisamos|escribo|contacto|digo)\b[^.!?\n]{0,20}\b(cuando|si cambia|mas adelante|el ano que viene)\b/,
      label: 'ya le aviso cuando',
      weight: 2,
    },
    {
      re: /\b(en pleno|en plena|en medio de|inmersos en|metidos en|liados con)( la| el| una| un| nuestro| nuestra)? (cierre|migracion|implantacion|implementacion|auditoria|proyecto|cambio|reestructuracion|fusion|presupuesto|presupuestacion|temporada alta|fin de ano|cambio de erp)\b|\bno (tenemos|tengo|hay) (tiempo|capacidad|recursos|ancho de banda|hueco) (ahora|ahora mismo|en este momento|de momento|por ahora|este (mes|trimestre|ano)|hasta|para (esto|evaluar|valorarlo|nuevos proyectos))\b|\b(congelacion|congelados?) (de )?(nuevos )?(proyectos|proveedores|herramientas|contrataciones)\b/,
      label: 'en pleno cierre',
      weight: 2,
    },
    {
      re: /\b(el|del) (proximo|siguiente) (ano|trimestre|semestre|ejercicio)\b|\bel ano (que viene|proximo)\b|\b(despues|pasad[oa]s?|tras) (de )?(las fiestas|navidad|fin de ano|ano nuevo|el cierre|la auditoria|la migracion|reyes|semana santa|el verano)\b|\b(a principios|a finales|a mediados|a partir) de (enero|febrero|marzo|abril|mayo|junio|2027|ano)\b|\b(en|para) (el )?(primer|segundo|tercer|cuarto) trimestre\b|\ben (enero|febrero|marzo|abril|mayo|junio|julio|septiembre|octubre|2027)\b|\b(todavia|aun) no\b|\bmas tarde\b|\ben el futuro\b|\ba futuro\b|\b(estamos|estoy|ando|andamos) (muy )?(ocupad[oa]s?|saturad[oa]s?|a tope|hasta arriba|liad[oa]s?|a full|desbordad[oa]s?)\b|\bcuando (terminemos|acabemos|cerremos|pase|pasen|termine|acabe)\b/,
      label: 'el próximo año',
      weight: 1,
    },
  ],
  competitor: [
    {
      re: /\bya (usamos|utilizamos|trabajamos con|empleamos|contratamos|implementamos|implantamos|elegimos|escogimos|seleccionamos|optamos|firmamos|compramos|adquirimos|automatizamos|resolvimos|lo resolvimos|lo resolvemos|lo hacemos|lo cubrimos|lo gestionamos|lo tenemos (resuelto|cubierto|automatizado)|tenemos (resuelto|cubierto|automatizado)|hemos (contratado|implantado|implementado|adquirido|comprado|elegido|optado|firmado|automatizado|resuelto|apostado|invertido))\b|\bya (tenemos|contamos con|disponemos de|hay) (una |un |nuestra |nuestro |otra |otro )?(herramienta|solucion|sistema|software|proveedor|plataforma|programa|algo|eso|esto|partner|modulo)\b/,
      label: 'ya tenemos una solución',
      weight: 2,
    },
    {
      re: /\b(elegimos|escogimos|optamos por|nos decantamos por|nos quedamos con|nos fuimos con|contratamos|firmamos con|hemos elegido|hemos optado por|hemos contratado|hemos firmado con|vamos con|nos decidimos por|seleccionamos|hemos seleccionado|apostamos por|hemos apostado por) (a )?(otr[oa]|un competidor|una alternativa|la competencia|un proveedor|una solucion|una herramienta)\b|\b(otro|otra) (proveedor|solucion|herramienta|plataforma|software)\b[^.!?\n]{0,30}\b(que ya|con el que|con la que|hace|desde hace)\b|\b(contentos|content[oa]|satisfech[oa]s?|a gusto|bien servidos|felices|conformes) con (nuestr[oa]|el|la|lo que tenemos|nuestro actual|nuestra actual)\b|\b(nos quedamos|seguimos|seguiremos|continuamos|continuaremos) con (nuestr[oa]|el|la|lo que tenemos|la solucion actual|el proveedor actual)\b|\b(proveedor|solucion|herramienta|sistema|plataforma) actual (ya )?(nos )?(cubre|funciona|resuelve|hace|va bien)\b/,
      label: 'elegimos otro proveedor',
      weight: 2,
    },
    {
      re: /\b(desarroll|construi|construy|program|hici|hicimos|montamos|creamos)\w* (\w+ )?(internamente|en casa|a medida|nosotros mismos|por nuestra cuenta|in-?house)\b|\b(desarrollo|solucion|herramienta|sistema|software|aplicacion|script|scripts|macros) (propi[oa]s?|intern[oa]s?|a medida|caser[oa]s?|in-?house|hech[oa] en casa)\b|\b(con|mediante|usando|a traves del?) (el )?modulo\b/,
      label: 'solución propia',
      weight: 2,
    },
    {
      re: new RegExp(`\\b${PRODUCTO}\\b[^.!?\\n]{0,40}\\bya (lo )?(hace|cubre|resuelve|gestiona|incluye|automatiza|concilia)\\b|\\bacabamos de (firmar|contratar|renovar|implantar|implementar|cerrar con|migrar a)\\b|\\b(renovamos|hemos renovado) (el contrato|con|la licencia)\\b|\\b(tenemos|tenemos firmado) (un )?contrato (con|vigente|hasta|de (dos|tres|\\d+) anos)\\b|\\bcontrato vigente\\b`),
      label: 'contrato con otro proveedor',
      weight: 2,
    },
  ],
  referral: [
    {
      re: /\bno soy (yo )?(la persona|el interlocutor|el contacto|quien) (adecuad[oa]|indicad[oa]|correct[oa]|responsable|idone[oa]|apropiad[oa]|que (lleva|gestiona|decide|ve|se encarga))\b|\bno (es|soy) (de )?(mi|mi area de) (area|departamento|competencia|responsabilidad)\b|\bno (me corresponde|lo llevo yo|lo gestiono yo|lo decido yo|decido yo|es cosa mia)\b|\bno llevo (ese|este|estos|esos) temas?\b|\b(eso|esto|este tema|ese tema) no lo (llevo|gestiono|decido|veo) yo\b/,
      label: 'no soy la persona adecuada',
      weight: 2,
    },
    {
      re: new RegExp(`\\b(contacte|contacta|contactar|contactad|contacten|hable|habla|hablar|hablad|hablen|escriba|escribe|escribir|escriban|escribile|dirijase|dirigete|dirigirse|dirijanse|pongase en contacto|ponte en contacto|ponganse en contacto|consulte|consulta|consultar|pregunte|pregunta|preguntale|preguntele|mejor|sugiero|recomiendo) (directamente )?(a|con|al)? ?(mi|nuestro|nuestra|nuestros|el|la) (\\w+ )?${ROL}\\b`),
      label: 'hable con mi compañero',
      weight: 2,
    },
    {
      re: /\b(el cierre|la contabilidad|las finanzas|este tema|estos temas|eso|esto|ese tema|esa parte|el area|la conciliacion)( \w+)? lo (maneja|lleva|gestiona|coordina|decide|revisa|administra|ve|llevan|gestionan|manejan|deciden|ven)\b|\blo (maneja|lleva|gestiona|coordina|decide|administra) (mi|nuestro|nuestra|directamente|el|la)\b|\bla decision la (toma|tiene|tienen|toman)\b|\bquien (decide|toma la decision|toma las decisiones|lleva|gestiona|maneja|ve|se encarga de) (esto|estos temas|este tema|eso|esos temas|esa parte)\b|\b(quien|el que|la que|ella|el) se encarga\b|\bse encarga (de esto|de estos temas|de eso|de este tema|de esa parte)\b|\bes (el|la) (responsable|encargad[oa]|persona indicada|persona adecuada|que lleva|que decide)\b|\b(el|la) (persona|contacto|interlocutor) (adecuad[oa]|indicad[oa]|correct[oa]) (es|seria)\b/,
      label: 'lo lleva mi compañera',
      weight: 2,
    },
    {
      re: /\b(te|le|les|os) (pongo|dejo|copio|incluyo|anado|meto|agrego|sumo) en (copia|cc)\b|\b(pongo|dejo|incluyo|copio|agrego|va) en (copia|cc) a\b|\b(le|te|les|os|lo|se lo|se la)( he| hemos)? (reenviado|reenvio|reenviare|pasado|paso|pasare|trasladado|traslado|trasladare|remitido|remito|remitire|compartido|comparto|compartire)\b[^.!?\n]{0,30}(\b(a|con) (mi|nuestro|nuestra|nuestros|el|la|los|las|quien)\b|\bal (companero|colega|jefe|director|responsable|cfo|controller|contralor|contador|gerente|tesorero|socio|administrador|encargado|coordinador|area|departamento|equipo)\b)|\b(he|hemos) (reenviado|trasladado|pasado|remitido|compartido) (su|tu|el|este|vuestro) (correo|mensaje|email|e-mail|mail|propuesta)\b/,
      label: 'le pongo en copia',
      weight: 2,
    },
    {
      re: /\bya no (llevo|gestiono|soy (el|la) responsable|me encargo|estoy a cargo|trabajo en (esa|esta|el) area)\b|\bcambie de (puesto|area|departamento|rol|funciones)\b|\bahora (lo lleva|se encarga|es responsable)\b|\b(le|te) (sugiero|recomiendo) (que )?(contacte|hable|escriba|contactes|hables|escribas|contactar|hablar|escribir) (con|a)\b/,
      label: 'ahora lo lleva otra persona',
      weight: 2,
    },
    { re: new RegExp(`\\b(mi|nuestro|nuestra|nuestros) ${ROL}\\b|\\ben copia\\b`), label: 'menciona a un compañero', weight: 1 },
  ],
  meeting: [
    {
      re: /(?<!\bno )\bpodemos (hablar|reunirnos|quedar|vernos|conversar|charlar|agendar|tener una (llamada|reunion|videollamada)|hacer una (llamada|demo|reunion|videollamada))\b|\b(agendar|programar|organizar|concertar|coordinar|fijar|cuadrar|buscar|encontrar|montar|reservar|armar|hacer|tener|mantener)(nos|la|lo)? (una |un )?(breve |pequena |corta |rapida |primera )?(llamada|reunion|cita|videollamada|demo|demostracion|sesion|call|hueco|espacio|meet|zoom|teams|conversacion|charla)\b|\b(hablemos|charlemos|conversemos|agendemos|reunamonos|veamonos|quedemos)\b/,
      label: 'podemos hablar',
      weight: 2,
    },
    {
      re: /\b(me|nos) (encantaria|gustaria|interesaria) (hablar|reunirnos|conversar|charlar|ver una demo|tener una (llamada|reunion|demo|videollamada)|agendar|programar|hacer una (llamada|demo|reunion)|ver (una )?(demo|demostracion))\b|\b(quisiera|quisieramos|queria|queriamos) (ver|tener|agendar|programar|hacer) (una )?(demo|demostracion|llamada|reunion|videollamada)\b|\b(estoy|estamos|estaria|estariamos) (abiert[oa]s?|dispuest[oa]s?|disponibles?|encantad[oa]s?) (a|para|de) (una |un )?(llamada|reunion|hablar|charlar|conversar|demo|tener)\b|\b(una )?(llamada|reunion|demo|videollamada) de (20|veinte|15|quince|30|treinta) minutos\b/,
      label: 'me gustaría ver una demo',
      weight: 2,
    },
    {
      re: /\b(mandame|enviame|enviadme|envieme|mandeme|mandenme|envienme|pasame|paseme|mandadme|me mandas|me envias|me pasas) (una |la |el |un )?(invitacion|convocatoria|invite|cita)\b|\b(te|le|os|les) (mando|envio|enviare|mandare|paso) (una |la )?(invitacion|convocatoria)\b|\b(acepto|aceptamos|confirmo|confirmamos) (la )?(llamada|reunion|invitacion|cita|demo)\b/,
      label: 'envíeme una invitación',
      weight: 3,
    },
    { re: /\b(mandame|enviame|enviadme|envieme|mandeme|mandenme|envienme|pasame|paseme) (el |un )?(enlace|link|calendly)\b/, label: 'envíeme el enlace', weight: 2 },
    {
      re: new RegExp(
        `(?<!\\ben )(?<!\\ben una )(?<!\\ben un )\\b(llamada|reunion|demo|videollamada|cita|call|meet|zoom|teams|charla)\\b[^.!?\\n]{0,40}${NO_VUELTA}\\b${DIA}\\b|${NO_VUELTA}\\b${DIA}\\b[^.!?\\n]{0,30}(${HORA}|\\b(me viene bien|me va bien|nos viene bien|nos va bien|me sirve|me cuadra|esta bien|perfecto|por la (manana|tarde)|estoy disponible|estoy libre|tengo hueco|puedo)\\b)|\\b(el )?(martes|miercoles|jueves|lunes|viernes)( \\d{1,2})? (me |nos )?(va|viene|funciona|sirve|cuadra) (bien|perfecto)\\b|\\b(martes|miercoles|cualquiera de los dos( dias)?) (esta|estaria|me va|me viene|nos va|nos viene) (bien|perfecto)\\b`,
      ),
      label: 'una llamada el martes',
      weight: 3,
    },
    {
      re: new RegExp(`(^|[.!,] ?)(si|vale|ok|perfecto|claro|genial|de acuerdo|dale|por supuesto|me parece bien)[,!.]? (el )?(${DIA})\\b|${NO_VUELTA}\\b${DIA}\\b[^.!?\\n]{0,20}${HORA}`),
      label: 'acepta un día',
      weight: 3,
    },
    {
      re: /\bque (dia|dias|horario|horarios|hora|horas)( \w+)? (te|le|les|os) (viene|va|vienen|van|conviene|convienen|queda|quedan) (bien|mejor)\b|\bcuando (te|le|les|os) (viene|va|queda|conviene) bien\b|\bcual es (tu|su|vuestra) disponibilidad\b|\b(pasame|paseme|enviame|envieme|mandame|mandeme|indicame|indiqueme|digame|dime|comparteme|compartame|proponme|propongame|indiquenme) (tu|su|vuestra|unos|algunos|un par de|opciones de|algunas) (disponibilidad|horarios|huecos|opciones|fechas)\b|\b(tienes|tiene|tienen|teneis) (disponibilidad|hueco|un hueco|tiempo|un momento)\b/,
      label: '¿qué día le viene bien?',
      weight: 3,
    },
  ],
  question: [
    {
      re: /\b(me gustaria|nos gustaria|quisiera|queria|quisieramos|queriamos|necesito|necesitamos|quiero|queremos) (saber|entender|confirmar|consultar|preguntar(le|te|les|os)?|aclarar)\b(?! mas\b)|\b(tengo|tenemos) (una |algunas |un par de |varias |dos |tres )?(pregunta|preguntas|duda|dudas|consulta|consultas)\b|\bme surge (una )?duda\b|\buna (duda|consulta|pregunta)\s*:/,
      label: 'me gustaría saber',
      weight: 2,
    },
    {
      re: new RegExp(`\\b(podria|podrias|pueden|podrian|puede|puedes|podeis) (enviarme|indicarme|decirme|explicarme|mandarme|confirmarme|aclararme|compartirme|pasarme|contarme|detallarme|informarme|enviarnos|indicarnos|decirnos|explicarnos|confirmarnos|aclararnos)\\b[^.!?\\n]{0,60}\\b${TEMA}|\\b(cuentenme|cuentame|cuenteme|contame|expliquenme|explicame|expliqueme|detallenme|indiquenme|indicame|indiqueme|digame|dime|diganme|aclareme|aclarame|confirmenme|confirmame|confirmeme)\\b[^.!?\\n]{0,40}\\b${TEMA}|\\b(mas )?(informacion|detalles|info) (sobre|acerca de|respecto a|en cuanto a|de) (el |la |los |las |su |sus )?(precio|precios|tarifa|tarifas|integracion|integraciones|seguridad|implementacion|implantacion|piloto|prueba|contrato|api|soporte|coste|costes|costo|costos|licencias|planes)\\b`),
      label: 'indíqueme el precio',
      weight: 2,
    },
    {
      re: new RegExp(`\\b(cuanto|cuanta) (cuesta|costaria|sale|saldria|vale|valdria|cobran|cobrais|seria)\\b|\\b(funciona|se integra|integra|es compatible|conecta|sincroniza)( bien)? con (el |la |nuestro |nuestra )?(${PRODUCTO}|erp|banco|bancos)\\b`),
      label: '¿cuánto cuesta?',
      weight: 2,
    },
  ],
  interest: [
    {
      re: /(?<!\bno )(?<!\btampoco )(?<!\bya no )\b(me|nos) (interesa|interesaria|interesa mucho|interesa bastante|parece interesante|resulta interesante|llama la atencion)\b|(?<!\bno )\b(estamos|estoy|estariamos|estaria) (muy )?interesad[oa]s?\b|\bsuena (bien|interesante|genial|muy bien|prometedor|util)\b|\b(parece|pinta|luce) (interesante|muy interesante|prometedor|util|bien)\b|\btiene buena pinta\b|(?<!\bnada )(?<!\bno es )(?<!\bpoco )\binteresante\b/,
      label: 'me interesa',
      weight: 2,
    },
    {
      re: /\b(cuentame|cuenteme|cuentenme|contame|contadme) mas\b|\b(envia|enviame|envieme|enviadme|mandame|mandeme|mandadme|manda|pasame|paseme|mandenme|envienme|comparteme|compartame|me (envias|mandas|pasas|envia|manda|pasa)) (mas )?(info|informacion|detalles|material|documentacion|una presentacion|la presentacion|un folleto|el folleto|algo|mas|un resumen|un dossier|el dossier|un video)\b|\b(mas|mayor) informacion\b|\b(me|nos) (gustaria|encantaria) (saber|conocer|entender|ver) mas\b|\b(saber|conocer) mas\b/,
      label: 'cuénteme más',
      weight: 2,
    },
    {
      re: /\bes (justo |exactamente |precisamente )?lo que (necesitamos|buscamos|estabamos buscando|buscaba|necesitaba)\b|\b(justo|precisamente|casualmente) (estamos|estabamos|estaba|ando|andamos) (buscando|mirando|evaluando|valorando|pensando en)\b|\bmant(en|eng)(a|an)?me (al tanto|informad[oa])\b|\bmantenme al tanto\b|\bmantengan?(me|nos) (al tanto|informad[oa]s?)\b|\b(le|les) (echare|echaremos|echo|echamos) un (vistazo|ojo)\b|\bcon gusto (lo )?(revisamos|revisare|lo vemos|le echamos)\b|\b(es|parece|seria|resulta) (muy |bastante |realmente )?(relevante|util|oportuno) para nosotros\b/,
      label: 'es justo lo que buscamos',
      weight: 2,
    },
    { re: /^(si|claro|claro que si|por supuesto|adelante|dale|genial|perfecto|me interesa)[,.! ]*(por favor|gracias)?[.!]*$/, label: 'sí', weight: 1 },
  ],
  threat: [
    {
      re: new RegExp(`\\b${AMENAZO} ${DENUNCIA_INF}\\b[^.!?\\n]{0,60}${AUTORIDAD}|\\b${DENUNCIA_FUT}\\b[^.!?\\n]{0,60}${AUTORIDAD}|\\b${AMENAZO} (tomar|emprender|iniciar|ejercer) (las )?(acciones|medidas) (legales|judiciales)|\\b(tomare|tomaremos|emprendere|emprenderemos|iniciare|iniciaremos) (las )?(acciones|medidas) (legales|judiciales)|\\b(mis|nuestros) abogados (se pondran|tomaran|estaran|recibiran)|\\b(demandare|demandaremos|demandarles|demandarlos)\\b`),
      label: 'amenaza legal',
    },
    { re: /\b(esto|este correo|este email|este mensaje|su correo|sus correos|todo esto)( \w+)? (es|son) (puro |un |simple |claramente )?(spam|correo basura|correo no deseado)\b|(?<!\bno )\bes spam\b|\bcomo (spam|correo no deseado)\b/, label: 'lo llama spam' },
    { re: /\b(acoso|acosando|acosar|acosarme|hostigamiento|hostigando)\b|\b(me|nos) (estan|esta|estas) (acosando|hostigando|persiguiendo)\b/, label: 'acoso' },
  ],
  anger: [
    {
      re: /\b(inaceptable|vergonzoso|una verguenza|que verguenza|indignante|(estoy|estamos|me tienen|nos tienen) hart[oa]s?|hart[oa]s? de|basta ya|ya basta|hasta las narices|hasta la madre|hasta el gorro|joder|mierda|carajo|puta|puto|putos|pinche|pinches|chingad\w*|cabron\w*|gilipollas|idiota\w*|imbecil\w*|estupid\w*|patetic\w*|ridicul(o|a|os|as|ez)|estafa\w*|chorrada|que pesad(o|a|os|as)|(son|eres|es|sois) (muy |unos |unas )?pesad(o|a|os|as)|pesadisim[oa]s?|que pesadez|que lata|falta de respeto|poco profesional)\b/,
      label: 'enfado',
    },
    { re: /\bcuantas veces\b|\bpor (enesima|tercera|cuarta|quinta|milesima) vez\b|\botra vez (este|el mismo|con este)\b|\b(todas las semanas|cada semana|cada dia|todos los dias)\b[^.!?\n]{0,20}\b(correo|email|mensaje)/, label: 'contacto repetido' },
  ],
  confused: [
    {
      re: /\bquien (es usted|eres|son ustedes|sois|es esta persona|me escribe|nos escribe|es northpeak|es dana)\b|\b(de donde|como|donde) (ha |han |has |habeis )?(sacado|conseguido|obtenido|encontrado|sacaron|consiguieron|obtuvieron|saco|consiguio|obtuvo|sacaste|conseguiste|obtuviste) (mi|mis|nuestro|nuestros|nuestra|este|esta|estos) (correo|direccion|email|e-mail|mail|datos|contacto|nombre|telefono)\b|\bde donde (tienen|tiene|tienes|salio|salieron) (mi|mis|nuestro|nuestros|este|esta) (correo|direccion|email|e-mail|mail|datos|contacto)\b|\bno (te|le|les|os) (conozco|conocemos)\b|\bde que (me|nos) (conoce|conocen|conoces)\b|\bno (se|sabemos) (quien|quienes) (es|son|eres|sois)\b|\bpor que (me|nos) (escriben|escribes|escribe|contactan|contactas|contacta|envian|mandan|llegan|llega)\b|\bpor que (recibo|estoy recibiendo|recibimos|estamos recibiendo)\b/,
      label: 'cómo consiguió mi correo',
    },
    { re: /\bnunca (me )?(suscribi|registre|di de alta|apunte|inscribi|solicite|pedi|autorice)\b|\bsin (mi|nuestro) (consentimiento|permiso|autorizacion)\b|\bnunca (di|he dado|dimos|hemos dado) (mi |nuestro )?(consentimiento|permiso|autorizacion)\b/, label: 'nunca consentí', weight: 2 },
  ],
  away: [
    {
      re: /\bfuera de (la |mi )?oficina\b|\bfuera del despacho\b|\b(estoy|estare|me encuentro|me encontrare|esta|estara|se encuentra|se encontrara|permanecere|estaremos|nos encontramos|estamos) (ausente|ausentes|fuera(?= *([.,;!]|$|hasta|hoy|manana|esta semana|estos dias|unos dias|por (un |una |unos |motivos de )?(vacaciones|viaje|motivos|asuntos|razones|temas|trabajo)|durante|del pais|de viaje))|de viaje|de vacaciones|de baja|de permiso|de licencia|disfrutando|de asueto|de descanso|en (un )?viaje|en una conferencia|en un congreso|en (una )?feria|en formacion|en un curso|fuera del pais|sin conexion|desconectad[oa]s?|de puente|de excedencia|en periodo vacacional|con permiso|con licencia|en comision de servicio|en el extranjero)\b/,
      label: 'estoy fuera / de vacaciones',
    },
    { re: /\bde vacaciones\b|\bviaje de (negocios|trabajo)\b|\bvacaciones colectivas\b|\bferiado legal\b|\b(en|de|con) incapacidad( medica| por (maternidad|paternidad|enfermedad))?\b|\b(hoy|manana) es (festivo|feriado|dia festivo|dia inhabil)\b|\bvacaciones (de navidad|navidenas|de verano|de fin de ano|anuales)\b|\bperiodo vacacional\b|\bausente\b|\b(baja|permiso|licencia) (por |de )?(maternidad|paternidad|medica|enfermedad|parental|nacimiento|cuidado)\b|\bbaja medica\b/, label: 'de vacaciones / de baja' },
    { re: /\b(nuestras |las |la )?oficinas? (permaneceran|permanecera|estaran|estara|estan|esta) cerradas?\b|\bcerrad[oa]s? por (vacaciones|fiestas|navidad|festivo)\b|\bcierre (por|de) (vacaciones|navidad|fiestas|fin de ano)\b|\b(dia|dias) (festivo|festivos|inhabil|inhabiles|no laborable|no laborables)\b/, label: 'oficina cerrada' },
    { re: /\bno (estoy|estare|me encuentro|estara|se encuentra|me encontrare) (disponible|en la oficina|en el despacho|operativ[oa])\b|\b(regreso|vuelvo|volvere|regresare|me reincorporo|me reincorporare|estare de vuelta|estare de regreso) (a la oficina |al trabajo |a mis funciones |al despacho )?(el|a partir|manana|lunes|martes|miercoles|jueves|viernes|\d)/, label: 'no estoy disponible / vuelvo el' },
  ],
  awayNotice: [
    { re: /\ba mi (regreso|vuelta|retorno|reincorporacion)\b|\b(cuando|en cuanto|tan pronto como|una vez que) (regrese|vuelva|me reincorpore|este de vuelta|retorne)\b|\bdurante mi ausencia\b|\ben mi ausencia\b/, label: 'a mi regreso' },
    { re: /\bacceso (limitado|restringido|esporadico|intermitente|reducido)\b|\bno tendre acceso\b|\bsin acceso (al|a mi|a|a internet|al correo)\b/, label: 'acceso limitado al correo' },
    { re: /\b(para|en caso de|ante) (asuntos|temas|casos|consultas|cuestiones|algo|cualquier) ?(urgentes?|de urgencia|urgencia|importantes?)\b|\ben caso de urgencia\b|\bsi (es|fuera|se trata de algo|su consulta es|el asunto es) urgente\b|\bpara cualquier (urgencia|consulta urgente|asunto urgente)\b/, label: 'para asuntos urgentes' },
    { re: /\bgracias por (su|tu|vuestro) (mensaje|correo|email|e-mail)\b|\b(responder|contestar|atender)(e|emos)? (a )?(su|tu) (correo|mensaje|consulta|email) (a mi|lo antes|en cuanto|cuando|tan pronto|a la mayor)\b|\b(le|te|les) (respondere|contestare|atendere) (lo antes|en cuanto|a mi|cuando|tan pronto|a la mayor)\b|\bsu (correo|mensaje) no (sera|va a ser) (reenviado|leido|atendido)\b/, label: 'le responderé a mi regreso' },
    { re: /\b(contacte|contactar|escriba|escribir|dirijase|dirigirse|comuniquese|comunicarse|pongase en contacto|ponerse en contacto|puede contactar)\b[^\n]{0,80}@/, label: 'contacto alternativo' },
  ],
  automatic: [
    { re: /\b(buzon|direccion|cuenta|correo)( de correo)? (no (es |esta )?(revisad[oa]|monitorizad[oa]|monitoread[oa]|supervisad[oa]|atendid[oa])|sin supervision|desatendid[oa]|que no se revisa)\b|\b(este|esta) (buzon|direccion|cuenta)( de correo)? (ya )?no (es|esta|se) (revisad|revisa|monitor|supervis|atiend)\w*/, label: 'buzón no revisado', weight: 2 },
    { re: /\b(su|tu) (solicitud|peticion|incidencia|ticket|consulta|caso|mensaje|correo)( \(?(n[oº]\.? ?|numero |#) ?[a-z0-9-]*\d[a-z0-9-]*\)?| \(?#?[a-z]*-?\d{3,}\)?)? (ha sido|fue|se ha|queda) (recibid[oa]|registrad[oa]|cread[oa]|abiert[oa]|asignad[oa])\b/, label: 'solicitud registrada', weight: 2 },
    { re: /\b(su|el) mensaje\b[^\n]{0,120}\b(ha sido|fue) leido\b|\bconfirmacion de lectura\b|^\s*(fue|ha sido|se ha) leido\b|\b(fue|ha sido) leido el (lunes|martes|miercoles|jueves|viernes|sabado|domingo|\d)/m, label: 'confirmación de lectura', weight: 2 },
    { re: /\b(verifique|confirme|valide) (que es (una persona|humano)|su (direccion|correo|identidad)|que no es un robot)\b|\blista de remitentes (autorizados|seguros|aprobados)\b/, label: 'verificación del remitente', weight: 2 },
    { re: /\b(respuesta|mensaje|correo|aviso|notificacion|contestacion) (automatic[oa]|automatizad[oa]|generad[oa] automaticamente)\b|\b(generado|enviado) automaticamente\b/, label: 'mensaje automático' },
    { re: /\b(no|favor de no) (responda|conteste|responder|contestar) (a )?(este|esta) (mensaje|correo|email|e-mail|direccion)\b/, label: 'no responda a este correo' },
    { re: /\bhemos recibido (su|tu) (solicitud|mensaje|consulta|correo|peticion|email|incidencia)\b|\b(ticket|incidencia|caso|solicitud|peticion)( n[oº]\.?| numero| #|:)? ?#? ?[a-z]*-?\d{3,}\b|\bacuse de recibo\b/, label: 'hemos recibido su solicitud' },
    { re: /\bya no (colabora|trabaja|forma parte|presta (sus )?servicios|pertenece) (en|con|a|de|para)\b|\bya no esta (en la empresa|con nosotros|en el grupo|en la compania)\b|\bha dejado (la empresa|de trabajar|de colaborar|de formar parte)\b|\b(le|te|les) (responderemos|contestaremos|atenderemos|contactaremos) (a la mayor brevedad|lo antes posible|en breve|en un plazo|en las proximas|dentro de)\b|\bgracias por (contactar|ponerse en contacto|comunicarse|escribir)(nos)? (con nosotros|con)\b/, label: 'ya no trabaja aquí / le responderemos' },
    { re: /\b(mi|nuestra|esta) (direccion|direccion de correo|cuenta de correo) (ha cambiado|ha sido cambiada|ya no esta en uso|ya no es valida|dejara de estar)\b|\bnueva direccion (de correo )?es\b/, label: 'dirección cambiada' },
  ],
  autoSubjects: [
    { re: /^(respuesta automatica|respuesta automatizada|contestacion automatica|respuesta de ausencia|auto ?respuesta|autorespuesta|acuse de recibo|confirmacion de recepcion|confirmacion de lectura|leido:|hemos recibido su|su solicitud|su consulta|\[?(ticket|caso|incidencia|solicitud) ?#?\d)/, away: false },
    { re: /^(fuera de (la )?oficina|fuera de oficina|ausente|ausencia|de vacaciones|vacaciones|aviso de ausencia|estoy de vacaciones|estoy fuera|estare fuera|cerrado por vacaciones|oficina cerrada)/, away: true },
  ],
  returnCue: [
    'regreso', 'regresare', 'regresa', 'regresara', 'regresaremos', 'vuelvo', 'volvere', 'vuelve', 'volvera', 'volveremos', 'de vuelta', 'estare de vuelta', 'de regreso', 'estare de regreso',
    'me reincorporo', 'me reincorporare', 'reincorporare', 'se reincorpora', 'se reincorporara', 'reincorporacion', 'retomare', 'retomo', 'retornare', 'retorno',
    'de nuevo en la oficina', 'nuevamente en la oficina', 'disponible de nuevo', 'de nuevo disponible', 'nuevamente disponible', 'disponible nuevamente', 'volvere a estar disponible',
    'reabrimos', 'reabriremos', 'reanudamos', 'reanudaremos', 'retomaremos',
  ],
  untilCue: ['hasta', 'hasta el', 'hasta el dia', 'hasta el proximo', 'al'],
  // "a partir del 21" in an absence notice is mostly its first day away ("estaré de vacaciones a partir del 21");
  // after a return word ("de vuelta a partir del 30") or a last day away it reads as the return (dates.ts).
  fromCue: ['desde', 'del', 'entre', 'a partir', 'a partir de', 'a partir del'],
};
