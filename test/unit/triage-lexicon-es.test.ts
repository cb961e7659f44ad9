import { classifyMessage, type Intent } from '../../activities/triage';

function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 +0100' } = {}): string {
  return [
    'From: Pat <pat@acme.example>',
    'To: Dana Whitfield <dana@northpeak.io>',
    `Subject: ${subject}`,
    `Date: ${date}`,
    'Message-ID: <r1@acme.example>',
    'In-Reply-To: <enr-1.step-1.v1@mail.northpeak.io>',
    ...(headers ? [headers] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

describe('Spanish replies, phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    // opt-outs: usted, ustedes, tú, vos, vosotros; imperative, subjunctive, infinitive
    ['Por favor, denme de baja de su lista.', 'unsubscribe'],
    ['Le agradecería que me diera de baja.', 'unsubscribe'],
    ['Quiero darme de baja.', 'unsubscribe'],
    ['Favor de darme de baja de sus envíos.', 'unsubscribe'],
    ['Solicito la baja inmediata de mi dirección en su base de datos.', 'unsubscribe'],
    ['BAJA', 'unsubscribe'],
    ['Dar de baja', 'unsubscribe'],
    ['Elimínenme de su lista de distribución, gracias.', 'unsubscribe'],
    ['Bórrenme, por favor.', 'unsubscribe'],
    ['¿Pueden sacarme de esta lista?', 'unsubscribe'],
    ['Sácame de tus envíos.', 'unsubscribe'],
    ['Por favor, quitadme de vuestra base de datos.', 'unsubscribe'],
    ['Por favor remuévanme de su lista de correos.', 'unsubscribe'],
    ['Les pido que me eliminen de sus listas.', 'unsubscribe'],
    ['¿Me pueden quitar de la lista?', 'unsubscribe'],
    ['Les ruego que borren mi dirección de correo de su base de datos.', 'unsubscribe'],
    ['Borren mis datos personales de inmediato.', 'unsubscribe'],
    ['No me envíen más correos.', 'unsubscribe'],
    ['No me escriba más, por favor.', 'unsubscribe'],
    ['Por favor no vuelvan a contactarme.', 'unsubscribe'],
    ['No me vuelvas a escribir.', 'unsubscribe'],
    ['No me sigan enviando correos.', 'unsubscribe'],
    ['No me contacten.', 'unsubscribe'],
    ['Favor de no enviarme más correos.', 'unsubscribe'],
    ['Absténganse de contactarme en el futuro.', 'unsubscribe'],
    ['No quiero recibir más correos de este tipo.', 'unsubscribe'],
    ['No deseo recibir más comunicaciones comerciales.', 'unsubscribe'],
    ['No deseo seguir recibiendo información de Northpeak.', 'unsubscribe'],
    ['Me gustaría dejar de recibir sus correos.', 'unsubscribe'],
    ['Prefiero no recibir este tipo de correos.', 'unsubscribe'],
    ['Dejen de escribirme.', 'unsubscribe'],
    ['Deja de enviarme correos, gracias.', 'unsubscribe'],
    ['Dejen de spamearme.', 'unsubscribe'],
    ['No más correos, por favor.', 'unsubscribe'],
    ['Déjenme en paz.', 'unsubscribe'],
    ['Quiero cancelar mi suscripción.', 'unsubscribe'],
    ['Inclúyanme en su lista de exclusión.', 'unsubscribe'],
    ['Esta dirección no es para publicidad.', 'unsubscribe'],
    ['Hemos bloqueado su dominio.', 'unsubscribe'],
    ['No estoy interesado, y por favor no me contacten más.', 'unsubscribe'],
    ['Ya tenemos proveedor. Sáquenme de la lista.', 'unsubscribe'],
    // data protection (RGPD / LOPDGDD, habeas data) and threats to report
    ['Me opongo al tratamiento de mis datos con fines comerciales.', 'unsubscribe'],
    ['En virtud del RGPD solicito la supresión de mis datos.', 'unsubscribe'],
    ['Ejerzo mi derecho de oposición conforme a la LOPDGDD.', 'unsubscribe'],
    ['No autorizo el uso de mis datos para fines comerciales.', 'unsubscribe'],
    ['Revoco mi consentimiento.', 'unsubscribe'],
    ['Si vuelven a escribirme los denunciaré ante la AEPD.', 'unsubscribe'],
    ['Voy a presentar una reclamación ante la Agencia Española de Protección de Datos.', 'unsubscribe'],
    ['Lo he marcado como spam.', 'unsubscribe'],
    ['Si me vuelven a escribir, tomaré acciones legales.', 'unsubscribe'],
    // not opt-outs, though they use the words
    ['¿Se puede cancelar la suscripción en cualquier momento?', 'question'],
    ['¿Es fácil dar de baja usuarios en la plataforma?', 'question'],
    ['¿Se pueden eliminar conciliaciones duplicadas de la base de datos?', 'question'],
    ['No dejen de enviarme novedades, me interesa.', 'interested'],
    ['No me malinterpretes, pero no nos interesa.', 'not_interested'],
    ['Ya trabajamos con un despacho de abogados que lleva la contabilidad.', 'objection_competitor'],
    // declines
    ['No nos interesa, gracias.', 'not_interested'],
    ['Gracias, pero no.', 'not_interested'],
    ['No lo necesitamos.', 'not_interested'],
    ['No creo que nos encaje.', 'not_interested'],
    ['Hemos decidido no avanzar con esto.', 'not_interested'],
    ['Paso, gracias.', 'not_interested'],
    // objections
    ['Es demasiado caro para nosotros.', 'objection_price'],
    ['No tenemos presupuesto para esto.', 'objection_price'],
    ['El coste por usuario es muy alto para nosotros.', 'objection_price'],
    ['Está fuera de nuestro presupuesto.', 'objection_price'],
    ['Con el tipo de cambio, en dólares nos sale carísimo.', 'objection_price'],
    ['El presupuesto de este año ya está cerrado.', 'objection_price'],
    ['Ahora mismo no es buen momento.', 'objection_timing'],
    ['Escríbeme en enero.', 'objection_timing'],
    ['Vuelva a contactarnos el próximo trimestre.', 'objection_timing'],
    ['Estamos en pleno cierre del ejercicio, hablemos después de Reyes.', 'objection_timing'],
    ['Ahorita no, quizá el próximo año.', 'objection_timing'],
    ['Ya te aviso cuando terminemos la migración.', 'objection_timing'],
    ['No es una prioridad ahora mismo.', 'objection_timing'],
    ['Ya usamos BlackLine para eso.', 'objection_competitor'],
    ['Hemos optado por otro proveedor.', 'objection_competitor'],
    ['Lo hacemos con una solución desarrollada internamente.', 'objection_competitor'],
    ['Estamos contentos con nuestro proveedor actual.', 'objection_competitor'],
    ['SAP ya lo hace por nosotros.', 'objection_competitor'],
    // referrals
    ['No soy la persona adecuada, hable con mi compañera Laura.', 'referral'],
    ['Eso lo lleva nuestro controller.', 'referral'],
    ['Le pongo en copia a Javier, quien lleva estos temas.', 'referral'],
    ['Le he reenviado su correo a nuestro CFO.', 'referral'],
    ['La decisión la toma el director general.', 'referral'],
    ['Ya no llevo ese tema, ahora lo lleva María.', 'referral'],
    ['Estoy fuera esta semana; escribe a mi compañera ana@acme.example, ella lleva esto.', 'referral'],
    // meetings, questions, interest
    ['¿Podemos hablar el martes a las 10?', 'meeting_request'],
    ['El miércoles por la tarde me viene bien.', 'meeting_request'],
    ['Me gustaría ver una demo.', 'meeting_request'],
    ['Agendemos una llamada la semana que viene.', 'meeting_request'],
    ['Mándame una invitación para el jueves.', 'meeting_request'],
    ['¿Qué día te viene bien?', 'meeting_request'],
    ['Dale, el jueves a las 16 hs.', 'meeting_request'],
    ['No me llames el martes, mejor el miércoles a las 11.', 'meeting_request'],
    ['¿Funciona con SAP Business One?', 'question'],
    ['Me gustaría saber si se integra con Holded.', 'question'],
    ['Tengo una duda sobre la seguridad de los datos.', 'question'],
    ['Podrían indicarme el precio para 15 usuarios.', 'question'],
    ['Me interesa. Envíame más información.', 'interested'],
    ['Suena interesante, cuéntame más.', 'interested'],
    ['Justo estamos buscando algo así. ¡Mantenme al tanto!', 'interested'],
    ['Es justo lo que necesitamos.', 'interested'],
    // other
    ['Recibido, gracias.', 'other'],
    ['¿Qué? No entiendo de qué se trata.', 'other'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each([
    ['Estoy fuera de la oficina hasta el 27 de noviembre. Regresaré el lunes 30 de noviembre.', '2026-11-30'],
    ['Me encuentro de vacaciones hasta el 27 de noviembre inclusive, con acceso limitado al correo.', '2026-11-27'],
    ['Gracias por su mensaje. Estoy de viaje y vuelvo el lunes.', '2026-11-23'],
    ['Estaré de vacaciones a partir del 21 de diciembre y hasta el 6 de enero. Me reincorporo el 7 de enero.', '2027-01-07'],
    ['Estaré de vacaciones a partir del 21 de diciembre y hasta el 6 de enero.', '2027-01-06'],
    ['Estaré fuera hasta el 27/11. A partir del 30/11 estaré de vuelta en la oficina.', '2026-11-30'],
    ['Estaré de vuelta a partir del 30 de noviembre.', '2026-11-30'],
    ['Estaré de vacaciones a partir del 21 de diciembre.', null],
    ['Estoy de baja por maternidad. Me reincorporaré el 11 de enero de 2027. Para asuntos urgentes, contacte con ana@acme.example.', '2027-01-11'],
    ['Nuestras oficinas permanecerán cerradas por vacaciones de Navidad. Reabrimos el 7 de enero.', '2027-01-07'],
    ['No estaré en la oficina del 19 al 27 de noviembre. Su mensaje será atendido a mi regreso el 30 de noviembre.', '2026-11-30'],
    ['Estaré fuera de la oficina del 23 de noviembre al 1 de diciembre.', '2026-12-01'],
    ['Estaré fuera por un viaje de negocios hasta el viernes.', '2026-11-20'],
  ])('absence notice %j returns %s', async (body, returnDate) => {
    const t = await classifyMessage(eml(body, { subject: 'Respuesta automática: Month-end close at Acme', headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, Intent]>([
    ['Estoy fuera de la oficina hasta el 27 de noviembre. Para asuntos urgentes, escriba a ana@acme.example.', 'out_of_office'],
    ['Me encuentro fuera de la oficina con acceso limitado al correo. Le responderé lo antes posible.', 'out_of_office'],
    ['Este buzón no es monitorizado. Por favor, no responda a este mensaje.', 'auto_reply_other'],
    ['Su solicitud (#48211) ha sido recibida. Le responderemos a la mayor brevedad.', 'auto_reply_other'],
    ['Hemos recibido su consulta. Este es un mensaje generado automáticamente, no responda a este correo.', 'auto_reply_other'],
    ['Le informamos que Pedro García ya no trabaja en Acme. Este es un mensaje automático.', 'auto_reply_other'],
    // people who mention an absence or a departure are still people
    ['Pedro ya no trabaja en Acme. Escriba a su sustituta, ana@acme.example.', 'referral'],
    ['Gracias por su correo. Está fuera de nuestro presupuesto.', 'objection_price'],
    ['Gracias por su mensaje. Estoy de viaje esta semana, pero el martes a las 10 me viene bien.', 'meeting_request'],
  ])('without automatic headers, %j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body, { subject: 'RE: Month-end close at Acme' }))).intent).toBe(intent);
  });
});
