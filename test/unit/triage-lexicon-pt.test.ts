import { classifyMessage, type Intent } from '../../activities/triage';

function eml(body: string, { subject = 'Re: Month-end close at Acme', headers = '', date = 'Wed, 18 Nov 2026 10:00:00 -0300' } = {}): string {
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

describe('Portuguese replies (Brazil and Portugal), phrased the ways people write them', () => {
  test.each<[string, Intent]>([
    // opt-outs: Brazilian proclisis and European enclisis, você / vocês / tu, imperative, subjunctive, infinitive
    ['Por favor, me removam da lista.', 'unsubscribe'],
    ['Retirem-me da vossa lista de contactos, por favor.', 'unsubscribe'],
    ['Favor me descadastrar.', 'unsubscribe'],
    ['Quero me descadastrar.', 'unsubscribe'],
    ['Descadastrar', 'unsubscribe'],
    ['Me tira dessa lista, por favor.', 'unsubscribe'],
    ['Me tirem dessa lista, por favor.', 'unsubscribe'],
    ['Peço que me excluam do mailing.', 'unsubscribe'],
    ['Por favor, excluam-me da lista de distribuição.', 'unsubscribe'],
    ['Agradeceria que me retirassem da vossa base de dados.', 'unsubscribe'],
    ['Favor remover meu e-mail da lista.', 'unsubscribe'],
    ['Peço que retirem o meu contacto da vossa base de dados.', 'unsubscribe'],
    ['Apaguem os meus dados, por favor.', 'unsubscribe'],
    ['Não me enviem mais e-mails.', 'unsubscribe'],
    ['Não me mande mais mensagens.', 'unsubscribe'],
    ['Não me contactem mais, obrigado.', 'unsubscribe'],
    ['Não volte a contactar-me.', 'unsubscribe'],
    ['Favor não me contatar.', 'unsubscribe'],
    ['Abstenham-se de me contactar.', 'unsubscribe'],
    ['Não tenho interesse, favor não me enviar mais e-mails.', 'unsubscribe'],
    ['Não quero mais receber esses e-mails.', 'unsubscribe'],
    ['Não quero receber mais nada de vocês.', 'unsubscribe'],
    ['Não desejo continuar a receber as vossas comunicações.', 'unsubscribe'],
    ['Gostaria de deixar de receber estes e-mails.', 'unsubscribe'],
    ['Prefiro não receber este tipo de e-mail.', 'unsubscribe'],
    ['Parem de me enviar e-mails.', 'unsubscribe'],
    ['Deixem de me contactar, obrigado.', 'unsubscribe'],
    ['Chega de e-mails!', 'unsubscribe'],
    ['Me deixem em paz.', 'unsubscribe'],
    ['Cancelar minha inscrição.', 'unsubscribe'],
    ['Cancelem a minha subscrição.', 'unsubscribe'],
    ['Bloqueei o seu domínio.', 'unsubscribe'],
    ['Já temos fornecedor. Tirem-me da lista.', 'unsubscribe'],
    // data protection (LGPD / RGPD) and threats to report
    ['Solicito a exclusão dos meus dados pessoais, conforme a LGPD.', 'unsubscribe'],
    ['Conforme a LGPD, exijo que apaguem meus dados imediatamente.', 'unsubscribe'],
    ['Nos termos do RGPD, solicito a eliminação dos meus dados.', 'unsubscribe'],
    ['Me oponho ao tratamento dos meus dados para fins de marketing.', 'unsubscribe'],
    ['Não autorizo o uso dos meus dados.', 'unsubscribe'],
    ['Revogo o meu consentimento.', 'unsubscribe'],
    ['Se continuarem, vou denunciar vocês à ANPD.', 'unsubscribe'],
    ['Se insistirem, vou registrar uma reclamação no Reclame Aqui.', 'unsubscribe'],
    ['Já marquei como spam.', 'unsubscribe'],
    ['Tomaremos as medidas judiciais cabíveis se continuarem.', 'unsubscribe'],
    // not opt-outs, though they use the words
    ['Posso cancelar a assinatura a qualquer momento?', 'question'],
    ['O sistema permite descadastrar usuários facilmente?', 'question'],
    ['Tire-me uma dúvida: funciona com o TOTVS?', 'question'],
    ['É possível excluir lançamentos duplicados da base de dados?', 'question'],
    ['Não deixe de me enviar novidades, tenho interesse.', 'interested'],
    // declines
    ['Não temos interesse, obrigado.', 'not_interested'],
    ['Não, obrigada.', 'not_interested'],
    ['Não precisamos disso.', 'not_interested'],
    ['Não faz sentido para nós.', 'not_interested'],
    ['Agradeço, mas dispenso.', 'not_interested'],
    ['Não tem aderência com o nosso momento.', 'not_interested'],
    // objections
    ['Muito caro para nós.', 'objection_price'],
    ['Não temos orçamento para isto.', 'objection_price'],
    ['O preço está bem salgado.', 'objection_price'],
    ['O valor por usuário é muito alto para nós.', 'objection_price'],
    ['Com o câmbio do dólar, fica inviável.', 'objection_price'],
    ['O orçamento deste ano já está fechado.', 'objection_price'],
    ['Agora não é o momento.', 'objection_timing'],
    ['Me procure em janeiro.', 'objection_timing'],
    ['Volte a falar comigo no próximo trimestre.', 'objection_timing'],
    ['Estamos no meio do fechamento anual, podemos falar depois do Carnaval?', 'objection_timing'],
    ['Por enquanto não, talvez mais para frente.', 'objection_timing'],
    ['Eu te procuro quando terminarmos a migração.', 'objection_timing'],
    ['Não é prioridade neste momento.', 'objection_timing'],
    ['Já usamos o Omie para isso.', 'objection_competitor'],
    ['Optamos por outro fornecedor.', 'objection_competitor'],
    ['Temos uma solução desenvolvida internamente.', 'objection_competitor'],
    ['Estamos satisfeitos com o nosso fornecedor atual.', 'objection_competitor'],
    ['Acabamos de fechar com outra empresa.', 'objection_competitor'],
    // referrals
    ['Não sou a pessoa certa, fale com o meu colega Pedro.', 'referral'],
    ['Quem cuida disso aqui é o Rafael, estou copiando ele.', 'referral'],
    ['Encaminhei o seu e-mail para o nosso diretor financeiro.', 'referral'],
    ['A decisão fica com o CFO.', 'referral'],
    ['Não é da minha área. Procure o setor de controladoria.', 'referral'],
    // meetings, questions, interest
    ['Podemos conversar na terça às 15h?', 'meeting_request'],
    ['Quarta-feira à tarde fica bom para mim.', 'meeting_request'],
    ['Gostaria de agendar uma demonstração.', 'meeting_request'],
    ['Bora marcar um papo na semana que vem?', 'meeting_request'],
    ['Me mande o convite para quinta.', 'meeting_request'],
    ['Qual o melhor horário para você?', 'meeting_request'],
    ['Topo uma conversa de 20 minutos.', 'meeting_request'],
    ['Vocês têm integração com o TOTVS Protheus?', 'question'],
    ['Gostaria de saber se o suporte é em português.', 'question'],
    ['Tenho uma dúvida sobre a segurança dos dados.', 'question'],
    ['Pode me informar o preço para 15 utilizadores.', 'question'],
    ['Tenho interesse. Me mande mais informações.', 'interested'],
    ['Parece interessante, quero saber mais.', 'interested'],
    ['É exatamente o que procuramos.', 'interested'],
    ['Estamos interessados, mantenha-me informado.', 'interested'],
    // other
    ['Recebido, obrigado.', 'other'],
    ['Quem é você e onde conseguiu meu e-mail?', 'other'],
  ])('%j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body))).intent).toBe(intent);
  });

  test.each([
    ['Estarei de férias até 8 de janeiro de 2027, retornando no dia 11/01.', '2027-01-11'],
    ['Estou fora do escritório e retorno na segunda-feira, 30 de novembro.', '2026-11-30'],
    ['Estarei ausente até 27/11, com acesso limitado ao e-mail.', '2026-11-27'],
    ['Estaremos em recesso de fim de ano de 21/12 a 01/01. Retornaremos às atividades em 04/01/2027.', '2027-01-04'],
    ['Estarei de férias a partir de 21/12 e até ao dia 8 de janeiro.', '2027-01-08'],
    ['Estarei de férias a partir de 21 de dezembro.', null],
    ['Estarei de férias de 21/12 a 08/01.', '2027-01-08'],
    ['Estou de licença-maternidade. Retorno previsto: 11/01/2027. Para assuntos urgentes, contate joana@acme.example.', '2027-01-11'],
    ['Obrigado pela sua mensagem. Estou em viagem e volto na segunda.', '2026-11-23'],
    ['Estarei fora até 27/11. A partir de 30/11 estarei de volta ao escritório.', '2026-11-30'],
    ['Encontro-me num congresso até sexta-feira, 20 de novembro, com acesso limitado ao correio eletrónico. Responderei assim que possível.', '2026-11-20'],
    ['Estou de férias até ao dia 27 de novembro. Regresso ao escritório a 30 de novembro.', '2026-11-30'],
    ['Estou em período de férias e volto na próxima segunda-feira.', '2026-11-23'],
    ['Estarei ausente de 23/11 a 01/12.', '2026-12-01'],
  ])('absence notice %j returns %s', async (body, returnDate) => {
    const t = await classifyMessage(eml(body, { subject: 'Resposta automática: Month-end close at Acme', headers: 'Auto-Submitted: auto-replied' }));
    expect(t.intent).toBe('out_of_office');
    expect(t.returnDate).toBe(returnDate);
  });

  test.each<[string, Intent]>([
    ['Estou fora do escritório até 27 de novembro. Para assuntos urgentes, falar com ana@acme.example.', 'out_of_office'],
    ['O seu pedido foi registado com o número #20931. Por favor não responda a este e-mail.', 'auto_reply_other'],
    ['Esta caixa de correio não é monitorada. Esta é uma mensagem automática.', 'auto_reply_other'],
    ['Recebemos a sua solicitação (protocolo 554120). Esta é uma mensagem automática, por favor não responda.', 'auto_reply_other'],
    ['Informamos que o João não faz mais parte da empresa. Esta é uma mensagem gerada automaticamente.', 'auto_reply_other'],
    // people who mention an absence or a departure are still people
    ['O João não trabalha mais aqui. Fale com a nossa controller, ana@acme.example.', 'referral'],
    ['Obrigado pela mensagem. Está fora do nosso orçamento.', 'objection_price'],
    ['Obrigado pelo contato. Estou em viagem esta semana, mas terça às 10h funciona.', 'meeting_request'],
  ])('without automatic headers, %j is %s', async (body, intent) => {
    expect((await classifyMessage(eml(body, { subject: 'RES: Month-end close at Acme' }))).intent).toBe(intent);
  });
});
