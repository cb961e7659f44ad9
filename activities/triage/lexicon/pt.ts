import type { Lexicon } from './types';

// Portuguese of Brazil and of Portugal: você / vocês, tu, o senhor, and European enclisis ("retirem-me") as well as
// Brazilian proclisis ("me retirem"), folded (no accents, ç → c, so "não" is "nao" and "à" is "a").

const DIA =
  '(segunda|terca|quarta|quinta|sexta)(-feira)?|amanha|depois de amanha|semana que vem|proxima semana|esta semana|essa semana|nesta semana|nessa semana';
// Not a day an absence notice names ("retorno na segunda-feira", "ausente ate amanha").
const NAO_RETORNO =
  '(?<!\\b(retorno|volto|voltarei|retornarei|regresso|regressarei|retorna|volta|de volta|ate|desde|ausente|fora|disponivel|escritorio|a partir de) (na |no |a |o |ate |dia )?)';
const HORA = '(as \\d{1,2}([:h]\\d{2})?( ?h| horas)?|\\d{1,2}h\\d{0,2}|\\d{1,2}:\\d{2})';
// A list, base or mailing someone can be taken off. Not "sistema", which product replies mention.
const LISTA =
  '(lista|listas|listagem|lista de (e-?mails|distribuicao|contatos|contactos|envio|envios|marketing|divulgacao)|base|base de dados|bases de dados|banco de dados|mailing|mailings|cadastro|cadastros|newsletter|envios|disparos|campanha|campanhas|sequencia|sequencias|cadencia|comunicacoes|crm|contatos|contactos|registos|registros)';
const DE_LISTA = `\\b(da|de|do|das|dos|dessa|desta|deste|desse|dessas|destas|desses|destes|de sua|de vossa|de todas as|de qualquer)( sua| vossa| tua| vossas| suas| tuas)? (\\w+ )?${LISTA}\\b`;
// Taking someone off: with the person attached, in Brazilian proclisis or European enclisis.
const TIRAR =
  '((remov|retir|exclu|tir|apag|elimin|delet|descadastr|desinscrev)(a|am|e|em|er|ir|ar|essem|esse|issem|isse|assem|asse|ao|ais|ei)|apagu(e|em))';
const TIRAR_ME =
  '(remov|retir|exclu|tir|apag|elimin|delet|descadastr|desinscrev)(a|am|e|em|er|ir|ar|essem|esse|issem|isse|assem|asse)-(me|nos)|(removam|remova|remover|retirem|retire|retirar|excluam|exclua|excluir|tirem|tire|tirar|apaguem|apague|apagar|eliminem|elimine|eliminar|deletem|delete|deletar)(-| )(me|nos)';
const ENVIAR_SUBJ =
  '(enviem|envie|envies|mandem|mande|mandes|contatem|contate|contactem|contacte|escrevam|escreva|escrevas|liguem|incomodem|incomode|perturbem|perturbe|procurem|procure|encaminhem|adicionem|incluam)';
const DADOS = '(os )?(meus|nossos|todos os meus|todos os nossos) dados( pessoais| de contato| de contacto)?';
const MEU_EMAIL = '(o )?((meu|nosso) (e-?mail|endereco( de e-?mail| eletronico| de email)?|contato|contacto|cadastro|registo|registro|nome)|(este|esse) (e-?mail|endereco( de e-?mail| eletronico| de email)?))';
const AMEACO =
  '((vou|vamos|irei|iremos) (ter que |ter de )?|serei obrigad[oa] a|seremos obrigados a|nao hesitarei em|nao hesitaremos em|terei que|teremos que|terei de|teremos de|pretendo|pretendemos|estou prestes a)';
const DENUNCIA_INF =
  '(denunciar|reportar|acionar|registrar (uma )?(reclamacao|denuncia|queixa)|registar (uma )?(reclamacao|denuncia|queixa)|abrir (uma )?(reclamacao|denuncia|queixa)|fazer (uma )?(reclamacao|denuncia|queixa)|apresentar (uma )?(reclamacao|denuncia|queixa)|prestar queixa|levar (isso|isto|o caso|o assunto) (a|ao|aos|para a|para o)|marcar (\\w+ )?como|postar|publicar|expor)';
const DENUNCIA_FUT =
  '(denunciarei|denunciaremos|reportarei|reportaremos|acionarei|acionaremos|(registrarei|registraremos|registarei|abrirei|abriremos|farei|faremos|apresentarei|apresentaremos) (uma )?(reclamacao|denuncia|queixa)|(levarei|levaremos) (isso|isto|o caso|o assunto) (a|ao|aos|para a|para o)|(marcarei|marcaremos) (\\w+ )?como|postarei|exporei)';
const AUTORIDADE =
  '(anpd|cnpd|procon|reclame aqui|autoridade|autoridades|justica|judicial|tribuna(l|is)|policia|advogad\\w*|ministerio publico|orgaos competentes|spam|lixo eletronico|lista negra|senacon|consumidor\\.gov)';
const TEMPO_DEPOIS =
  '(janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|2027|(o )?(proximo|novo) (ano|trimestre|semestre|exercicio|mes)|(o )?ano que vem|ano novo|(alguns|uns|poucos|dois|tres|quatro|seis|\\d+) meses|algumas semanas|um par de meses|o (primeiro|segundo|terceiro|quarto) trimestre|q[1-4]|a primavera|o verao|o outono|as festas|o natal|o carnaval|o fechamento( do ano| anual| do exercicio)?|a auditoria|a migracao|a implantacao|a implementacao|as ferias|outro momento)';
const PAPEL =
  '(colega|gerente|diretor|diretora|responsavel|cfo|controller|controler|contador|contadora|contabilista|socio|socia|chefe|gestor|gestora|coordenador|coordenadora|analista|time|equipe|equipa|departamento|setor|area|tesoureiro|tesoureira|superior|head)';
const PRODUTO =
  '(sap|totvs|protheus|senior|omie|conta azul|oracle|netsuite|sankhya|bling|primavera|phc|sage|dynamics|business central|blackline|floqast|trintech|xero|quickbooks|nibo|granatum|cegid|jasmin|toconline|moloni|odoo|kyriba)';
const TEMA =
  '(preco|precos|valor|valores|custo|custos|quanto|licenc\\w*|usuarios|utilizadores|plano|planos|desconto|integra\\w*|api|conector|seguranca|soc ?2|iso|certifica\\w*|criptografia|lgpd|rgpd|dados|servidor\\w*|hospedagem|alojamento|nuvem|referencias|cases|casos de (sucesso|uso)|clientes|contrato|condicoes|fidelidade|idioma|portugues|suporte|implantacao|implementacao|piloto|teste|sap|totvs|protheus|omie|erp|phc|primavera|saf-?t|moeda|moedas|cambio|reais|euros|nota fiscal|fatura\\w*|faturacao|consolidacao|intercompan\\w*|funciona|como|quais|qual|se )';

export const pt: Lexicon = {
  lang: 'pt',
  optOut: [
    {
      re: new RegExp(`\\b(${TIRAR_ME})\\b[^.!?\\n]{0,40}${DE_LISTA}|\\b(me|nos) ((podem|poderiam|pode|poderia|conseguem|consegue|favor|por favor|queiram|devem|deve) )?${TIRAR}\\b[^.!?\\n]{0,40}${DE_LISTA}|\\b(me|nos) (removam|remova|remover|excluam|exclua|excluir|descadastrem|descadastre|descadastrar|deletem|delete|deletar|removessem|excluissem)(?= *(por favor|pf|pfv|por gentileza|obrigad[oa]|imediatamente|ja|agora|[.!,;]|$))|\\b(removam|excluam|descadastrem|deletem|remova|exclua|descadastre|delete)-(me|nos)\\b`),
      label: 'removam-me da lista',
      weight: 2,
    },
    {
      re: new RegExp(`\\b${TIRAR}\\b( (todos|imediatamente|definitivamente|de vez|ja))? (${DADOS}|${MEU_EMAIL})\\b|\\b(exclusao|eliminacao|remocao|apagamento|anonimizacao|descadastramento|descadastro|bloqueio) (de |dos |do |da )?(${DADOS}|${MEU_EMAIL}|meus contatos|meu cadastro)\\b|\\b(solicito|solicitamos|requeiro|requeremos|peco|pedimos|exijo|exigimos|venho solicitar|venho requerer|gostaria de solicitar)\\b[^.!?\\n]{0,40}\\b(exclusao|eliminacao|remocao|apagamento|anonimizacao|descadastramento|descadastro|cancelamento)\\b[^.!?\\n]{0,40}\\b(dados|cadastro|contato|contacto|e-?mail|endereco|lista|base|mailing)\\b`),
      label: 'apaguem os meus dados',
      weight: 2,
    },
    {
      re: /\bdescadastr(ar|e|em|ar-me|e-me|em-me|em-nos|ado|ada|amento|o)\b|\b(me|nos) descadastr\w*|\bdesinscrev(er|a|am|er-me|am-me)\b|\b(cancelar|anular) (a minha|minha|nossa|a nossa) (inscricao|assinatura|subscricao|subscri[cç]ao)\b|\b(quero|queremos|desejo|desejamos|gostaria de|favor|por favor,?) (cancelar|anular) (a |minha |a minha |nossa |esta |essa )?(inscricao|assinatura|subscricao)\b|\b(cancelem|cancele|anulem|anule) (a |minha |a minha |nossa |esta |essa )?(inscricao|assinatura|subscricao)\b/,
      label: 'descadastrar',
      weight: 2,
    },
    {
      re: new RegExp(`\\bnao (me |nos )(${ENVIAR_SUBJ})\\b|\\bnao (me |nos )?(enviar|mandar|escrever|contatar|contactar|enviarem|mandarem|escreverem|contatarem|contactarem)(-me|-nos)? mais\\b|\\bnao (me|nos) (sejam|seja) (enviad|mandad|encaminhad)\\w*|\\bnao ${ENVIAR_SUBJ} mais\\b|\\bnao (me |nos )?(${ENVIAR_SUBJ}) (mais|nenhum|nenhuma|e-?mails|emails|mensagens|comunicacoes)\\b|\\b(nunca|jamais) mais (me |nos )?${ENVIAR_SUBJ}\\b|\\bnao (me |nos )?(voltem|volte|voltes) a (enviar|mandar|escrever|contatar|contactar|ligar|incomodar)\\b|\\bnao (me |nos )?(continuem|continue|sigam|siga) (a )?(enviar|mandar|escrever|contatar|contactar|enviando|mandando|escrevendo|contatando|insistindo|a insistir)`),
      label: 'não me enviem mais',
      weight: 2,
    },
    {
      re: /\bnao (quero|queremos|desejo|desejamos|gostaria de|gostariamos de|pretendo|pretendemos|preciso) (mais receber|receber mais|continuar a receber|continuar recebendo|seguir recebendo|voltar a receber)\b|\bnao (quero|queremos|desejo|desejamos|gostaria de|gostariamos de|pretendo|pretendemos) (mais |continuar a |continuar |seguir |voltar a )?(receber|recebendo)( mais| nenhum| nenhuma)? (mais |os seus |seus |suas |vossos |vossas |teus |estes |estas |esses |essas |este tipo de |esse tipo de |nenhum |nenhuma |outros )?(e-?mails|emails|mensagens|comunicacoes|comunicados|propaganda|publicidade|informacoes comerciais|ofertas|promocoes|newsletters?|spam|propostas|contatos|contactos|nada)\b|\bnao (quero|queremos|desejo|desejamos|gostaria de|gostariamos de) (ser|voltar a ser|continuar a ser|continuar sendo) (contatad|contactad|incomodad|abordad|procurad)|\bnao (quero|queremos|desejo|desejamos|gostaria|gostariamos) que (me|nos|voces me|voces nos) (continuem|continue|voltem|volte|enviem|envie|mandem|mande|escrevam|escreva|contatem|contate|contactem|contacte|liguem|incomodem|procurem)\b|\b(prefiro|preferimos|preferiria|preferiamos) (nao receber|que nao (me|nos) (enviem|mandem|escrevam|contatem|contactem|procurem))\b|\bnao (me|nos) interessa (receber|continuar recebendo|continuar a receber)\b|\bnao (estou|estamos) interessad[oa]s? em (receber|continuar recebendo|continuar a receber)\b|\b(deixar de receber|nao receber|nao voltar a receber) (mais |os seus |seus |suas |vossos |vossas |estes |estas |esses |essas |este tipo de |esse tipo de )?(e-?mails|emails|mensagens|comunicacoes|publicidade|propaganda|informacoes comerciais|ofertas|promocoes|newsletters?|mais)\b/,
      label: 'não quero mais receber',
      weight: 2,
    },
    {
      re: /\b(parem|para|pare|parai|deixem|deixe|deixa|cessem|cesse) de (me |nos )(enviar|mandar|escrever|contatar|contactar|incomodar|ligar|procurar|encher|perturbar|spammar)\b|\b(parem|parai|deixem|cessem) de (enviar|mandar|escrever|contatar|contactar|incomodar|ligar|insistir|perturbar|spammar)\b|\b(parem|pare|deixem|deixe|cessem) de (enviar|mandar|escrever|contactar|contatar)(-me|-nos)\b|\b(chega|basta) de (e-?mails|emails|mensagens|spam|contatos|contactos|insistencia|insistir)\b|\bsem mais (e-?mails|emails|mensagens|contatos|contactos)\b|\bnada (mais )?de (e-?mails|emails|mensagens)\b|\bnem mais um (e-?mail|email|contato)\b/,
      label: 'parem de me enviar',
      weight: 2,
    },
    {
      re: /\b(abstenham-se|abstenha-se|abstem-te) de (me |nos )?(contatar|contactar|escrever|enviar|mandar|ligar)\w*|\b(favor|por favor,?|peco|pedimos|solicito|solicitamos|agradeco|agradecemos|agradeceria) (que )?(de )?nao (me |nos )?(contatar|contactar|enviar|mandar|escrever|incomodar|procurar)(-me|-nos)?\b|\bnao (autorizo|autorizamos|consinto|consentimos|dou (o meu |meu )?consentimento)( (para )?o (uso|tratamento) d(os|e) (meus|nossos) dados| (a )?que (usem|utilizem|tratem) (os )?(meus|nossos) dados)?\b|\b(este|esse|o meu|meu) (endereco|e-?mail|email)( de e-?mail)? nao e para (publicidade|propaganda|vendas|fornecedores|fins comerciais|prospeccao|spam)\b|\b(bloqueei|bloqueamos|vou bloquear|vamos bloquear|bloquearei|bloquearemos) (o )?(seu|vosso|teu|este|esse) (dominio|e-?mail|endereco|remetente)\b/,
      label: 'abstenham-se de me contactar',
      weight: 2,
    },
    {
      re: /\b(coloquem|coloque|incluam|inclua|ponham|ponha|adicionem|adicione|colocar|incluir|adicionar|por)(-me| me)? (na|em|numa) (sua |vossa )?lista (de )?(exclusao|bloqueio|nao contatar|nao contactar|nao perturbe|supressao|descadastro)\b|\bnao me perturbe\b|\bnaomeperturbe\b|\b(me|nos) (deixe|deixem|deixa) em paz\b|\b(deixe|deixem|deixa)-(me|nos) em paz\b/,
      label: 'lista de exclusão / me deixem em paz',
      weight: 2,
    },
    {
      re: /\b(me oponho|nos opomos|oponho-me|opomo-nos|manifesto (a minha |minha )?oposicao)\b.{0,80}\b(tratamento|dados|marketing|publicidade|comercial|comerciais|fins|prospeccao|envio|envios|comunicacoes|uso)\b|\b(revogo|revogamos) (o )?(meu|nosso) (consentimento|aceite)\b|\b(revogo|revogamos) (o )?(consentimento|aceite)\b|\b(exerco|exercemos|quero exercer|queremos exercer|gostaria de exercer|venho exercer|venho por este meio exercer|solicito o exercicio)\b.{0,40}\b(direito|direitos)\b|\b(lgpd|lei geral de protecao de dados|lei 13\.?709|rgpd)\b.{0,60}\b(solicito|solicitamos|requeiro|exijo|exigimos|me oponho|oponho-me|exclu(am|a|ir)|elimin(em|e|ar)|apag(uem|ue|ar)|remov(am|a|er)|revog(o|amos))\b|\b(art(igo|\.)? ?18)\b.{0,40}\b(lgpd|13\.?709)\b|\b(art(igo|\.)? ?(17|21))\b.{0,40}\b(rgpd|gdpr)\b/,
      label: 'oposição / eliminação (LGPD / RGPD)',
      weight: 2,
    },
    {
      re: new RegExp(`\\b${AMEACO}${DENUNCIA_INF}\\b[^.!?\\n]{0,60}${AUTORIDADE}|\\b${DENUNCIA_FUT}\\b[^.!?\\n]{0,60}${AUTORIDADE}|\\b(ja )?(denunciei|reportei|marquei|denunciamos|reportamos|marcamos)\\b[^.!?\\n]{0,40}\\b(spam|anpd|cnpd|procon|reclame aqui|lixo eletronico)`),
      label: 'ameaça denunciar',
      weight: 2,
    },
    {
      re: new RegExp(`\\b${AMEACO}(tomar|adotar|mover|entrar com) (as )?(medidas|providencias|acoes|uma acao|acao) (judiciais|judicial|legais|legal|cabiveis)|\\b(tomarei|tomaremos|adotarei|adotaremos|moverei|moveremos) (as )?(medidas|providencias|acoes|uma acao) (judiciais|judicial|legais|legal|cabiveis)|\\b(vou|vamos|irei|iremos) processar\\b|\\bprocessarei\\b|\\bprocessaremos\\b|\\b(meu|nosso|o nosso|o meu) (advogado|juridico|departamento juridico)\\b[^.!?\\n]{0,40}\\b(vai|ira|entrara|tomara|sera acionado|acionar|notificar)`),
      label: 'medidas judiciais',
      weight: 2,
    },
    // Calling it spam without asking anything is no opt-out (the brief): it escalates (threat). Marking or reporting it
    // as spam is a report.
    {
      re: /\b(marcar|marquei|marcarei|marcaremos|vou marcar|vamos marcar|denunciar|denunciei|reportar|reportei|marcado|denunciado)\b[^.!?\n]{0,30}\bcomo (spam|lixo eletronico|lixo)\b|\b(chega|basta) de spam\b|\bparem com (o|esse|este) spam\b/,
      label: 'marca como spam',
      weight: 2,
    },
  ],
  optOutNotRequest: [
    { re: /\b(caso|se) (nao )?(deseje|queira|prefira|deseja|desejar|quiser|preferir) (nao )?(mais |continuar|deixar|receber|cancelar|se descadastrar|descadastrar|ser removid|sair|exercer|que os seus dados)[^.\n]{0,200}/, label: 'instruções de descadastro' },
    { re: /\bpara (se )?(descadastrar|cancelar o recebimento|deixar de receber|cancelar a (sua )?inscricao|cancelar a (sua )?subscricao|sair (da|desta) lista)\b[^.\n]{0,150}|\b(clique|clica|clicar|click|carregue|toque) (aqui|no link|neste link|abaixo|no botao)[^.\n]{0,120}|\b(link|botao) (de|para) (descadastro|descadastrar|cancelar|sair)\b/, label: 'instruções de descadastro' },
    {
      re: /\b(voce|o titular|o senhor|a senhora|v\.? ?exa\.?|o usuario)? ?(pode|podera|tem o direito de|tem direito a|tera direito a) (solicitar|exercer|requerer|revogar|se opor|opor-se|pedir|cancelar a (sua )?inscricao|descadastrar-se|se descadastrar|contatar o (nosso )?encarregado|apresentar reclamacao)[^.\n]{0,250}/,
      label: 'cláusula de proteção de dados',
    },
    { re: /\bpara (nao receber|deixar de receber|nao continuar a receber|nao voltar a receber)\b[^.\n]{0,150}|\b(responda|envie|escreva|responde|envia)\b[^.\n]{0,60}\b(a palavra|o assunto|com o assunto|indicando) \W?(sair|remover|descadastrar|cancelar|unsubscribe)\b/, label: 'instruções de descadastro' },
    { re: /\bnao (deixe|deixem|deixa|deixes) de (me |nos )?(enviar|mandar|escrever|contatar|contactar)\w*/, label: 'não deixe de me enviar (continue)' },
    { re: /\bdescadastr\w* (usuarios|utilizadores|fornecedores|clientes|produtos|contas|funcionarios|colaboradores|itens)\b/, label: 'descadastrar usuários no sistema' },
  ],
  notInterested: [
    {
      re: /\bnao (temos|tenho|ha) (nenhum |qualquer )?interesse\b|\bnao (estamos|estou|estariamos|estaria) interessad[oa]s?\b|\bsem interesse\b|\bnao (nos|me) interessa(m)?\b|\bnao e do nosso interesse\b|\b(tambem|de todo|mesmo) nao (nos|me) interessa\b/,
      label: 'não temos interesse',
      weight: 2,
    },
    { re: /\bnao,? obrigad[oa]\b|\b(muito )?obrigad[oa],? mas nao\b|\bagradeco,? mas (nao|vamos passar|dispenso|declino)\b|\b(dispenso|dispensamos)\b|\bvamos passar\b|\bpasso,? obrigad[oa]\b|\b(declinamos|declino|vamos declinar)\b/, label: 'não, obrigado', weight: 2 },
    {
      re: /\bnao (precisamos|necessitamos|temos necessidade|ha necessidade)\b|\bnao (e|faz sentido|se aplica|serve) (para nos|pra nos|para a gente|pra gente|aqui|no nosso caso|para a nossa empresa|para nossa empresa)\b|\bnao (e|eh) (o que procuramos|prioridade|relevante|algo que precisemos)\b|\bnao vemos (necessidade|valor|utilidade|fit|encaixe|aplicacao)\b|\bnao tem (fit|aderencia|encaixe)\b|\bsem (fit|aderencia)\b|\b(isso|isto|a solucao|a ferramenta|o produto|a proposta|a plataforma) nao (nos )?atende\b/,
      label: 'não precisamos',
      weight: 2,
    },
    {
      re: /\b(decidimos|resolvemos|optamos por) nao (seguir|avancar|prosseguir|contratar|continuar)\b|\bnao vamos (seguir|avancar|prosseguir|contratar|continuar)\b|\bnao (estamos|estou) (procurando|buscando|a procura|a procurar)\b|\bnao (e|eh) um problema (para nos|pra nos|aqui|que tenhamos)\b|\bnao temos (esse|este) problema\b|\bo fechamento (ja )?(nao e um problema|e rapido|funciona bem|esta resolvido)\b/,
      label: 'decidimos não avançar',
      weight: 2,
    },
    { re: /\bestamos bem assim\b|\bnao (me |nos )?(parece|soa) (muito |tao )?(interessante|util|relevante)\b/, label: 'estamos bem assim', weight: 1 },
  ],
  price: [
    { re: /\binviavel\b|\bmuito car[oa]s?\b|\bcar[oa] demais\b|\bcar[oa] (para|pra) (nos|a gente|nossa|o nosso|nosso)\b|\bcarissim[oa]\b|\b(preco|valor|custo|investimento|mensalidade)s?( \w+)? (esta |estao |ficou |fica |e |sao )?(bem |muito |um pouco |bastante )?(salgad[oa]s?|puxad[oa]s?)\b/, label: 'muito caro', weight: 2 },
    {
      re: /\bsem (orcamento|verba|budget)\b|\bnao (temos|ha|tenho|dispomos de|existe|sobrou|sobra) (\w+ )?(orcamento|verba|budget|dinheiro|recursos financeiros)\b|\b(orcamento|verba|budget)( \w+){0,3}? (esta |ja esta |foi |ficou |anda |estao )?(congelad[oa]|esgotad[oa]|apertad[oa]|fechad[oa]|comprometid[oa]|cortad[oa]|reduzid[oa]|limitad[oa]|curt[oa]|estourad[oa])\b|\bcortes? (de|no|nos) (orcamento|custos|gastos|despesas)\b|\bcontencao de (custos|despesas|gastos)\b|\b(nao cabe|fora do|acima do|nao comporta|estoura|estourar|ultrapassa|excede|extrapola) (no |o |do )?(nosso |meu )?(orcamento|budget)\b/,
      label: 'sem orçamento',
      weight: 2,
    },
    {
      re: /\bnao (temos|ha|tenho) como (pagar|justificar|arcar|bancar)\b|\bnao (conseguimos|podemos|consigo|posso) (pagar|justificar|arcar com|bancar|investir|pagar esse)\b|\b(preco|custo|valor|investimento|mensalidade|licenca)s?( [\w$]+){0,3}? (e|sao|esta|estao|ficou|fica|parece|me parece|nos parece|continua) (muito |bem |um pouco |bastante |demasiado )?(alt[oa]s?|elevad[oa]s?|car[oa]s?|salgad[oa]s?|pesad[oa]s?|acima)\b|\b(cambio|dolar|em dolares|cotacao|conversao)[^.!?\n]{0,60}\b(caro|inviavel|pesa|pesado|complicado|alto|nao compensa|nao fecha)\b|\b(49|quarenta e nove)( \$| dolares| usd| euros)?( por mes| ao mes| mensais)? (por|por cada) (usuario|utilizador|licenca|pessoa)[^.!?\n]{0,40}\b(muito|caro|alto|pesado|inviavel|salgado)\b|\bnao (compensa|se paga|cabe no bolso)\b/,
      label: 'preço alto',
      weight: 2,
    },
  ],
  timing: [
    {
      re: /\bnao e (o|um) (momento|melhor momento|momento certo|momento ideal|momento adequado|bom momento)\b|\bnao e (uma boa )?hora\b|\bmau momento\b|\bagora nao\b|\b(no|neste|de|por ora|nesse) momento,? nao\b|\bpor (enquanto|ora),? nao\b|\bnao (por|de) (enquanto|momento|agora)\b|\bmais (para|pra) (frente|a frente)\b|\bmais adiante\b|\bfuturamente\b|\bem outro momento\b|\b(este|esse) (ano|trimestre|semestre|mes) nao\b|\bnao (este|neste|esse|nesse) (ano|trimestre|semestre)\b|\b(temos|ha) outras prioridades\b|\bnao e (uma |nossa )?prioridade (agora|no momento|neste momento|este ano|este trimestre|por enquanto|por ora)\b/,
      label: 'não é o momento',
      weight: 2,
    },
    {
      re: new RegExp(
        `\\b(volte|voltem|retorne|retornem|retome|retomem|retomamos|retomaremos|retomar|entre em contato|entrem em contato|entre em contacto|contate-me|contacte-me|me contate|me contacte|me procure|procure-me|procura-me|me procura|fale comigo|falamos|falaremos|vamos falar|conversamos|conversaremos|vamos conversar|escreva|escreva-me|me escreva|me chame|me mande|mande-me|podemos falar|podemos conversar|podemos retomar|fica para|deixemos para|deixamos para|vamos deixar para|pergunte|pergunta)\\b[^.!?\\n]{0,25}\\b(em|no|na|depois de|depois do|depois da|apos|a partir de|a partir do|daqui a|dentro de|por volta de|no inicio de|no final de|la para|perto de|mais perto de|para|pra)\\b ?(o |a |os |as )?${TEMPO_DEPOIS}`,
      ),
      label: 'volte a falar em janeiro',
      weight: 2,
    },
    {
      re: /\b(eu )?(te|lhe|os|vos) (procuro|aviso|contato|contacto|chamo|escrevo|procurarei|avisarei|contatarei|contactarei|escreverei)( eu)? (quando|se|mais|assim que|logo que|depois)\b|\b(eu )?(te|lhe|os|vos) (retorno|retornarei|dou um retorno|darei um retorno)( eu)? (quando|assim que|logo que|mais (para|pra) frente)\b|\b(aviso|avisamos|avisarei|procuro|procuramos) (voce|voces|vc|vcs|o senhor|a senhora) (quando|se|assim que|mais)\b/,
      label: 'eu te procuro quando',
      weight: 2,
    },
    {
      re: /\b(no meio|em meio|em plena|em pleno|atolad[oa]s? com|focad[oa]s? n[oa])( d[oa]| de| de uma| de um| a| ao)? (fechamento|migracao|implantacao|implementacao|auditoria|projeto|reestruturacao|fusao|orcamento|troca de erp|mudanca de sistema|virada do ano|fim de ano|encerramento)\b|\bnao (temos|tenho|ha) (tempo|banda|braco|bracos|capacidade|agenda|disponibilidade) (agora|no momento|neste momento|nesse momento|por agora|este (mes|trimestre|ano)|ate|para (isso|avaliar|novos projetos))\b|\bcongelamento (de )?(novos )?(projetos|fornecedores|ferramentas|contratacoes)\b/,
      label: 'no meio do fechamento',
      weight: 2,
    },
    {
      re: /\b(o|no) (proximo|seguinte) (ano|trimestre|semestre|exercicio)\b|\bano que vem\b|\b(depois|apos) (das|do|da|o|a) (festas|natal|ano novo|carnaval|fechamento|auditoria|migracao|ferias)\b|\b(no inicio|no comeco|no final|no fim|em meados|a partir) de (janeiro|fevereiro|marco|abril|maio|junho|2027)\b|\bno (primeiro|segundo|terceiro|quarto) trimestre\b|\bem (janeiro|fevereiro|marco|abril|maio|junho|julho|setembro|outubro|2027)\b|\bainda nao\b|\bmais tarde\b|\bno futuro\b|\b(estamos|estou) (muito |super )?(ocupad[oa]s?|sobrecarregad[oa]s?|atarefad[oa]s?|sem tempo|com a agenda cheia|a mil)\b|\bquando (terminarmos|acabarmos|fecharmos|passar|terminar|acabar)\b/,
      label: 'próximo ano',
      weight: 1,
    },
  ],
  competitor: [
    {
      re: /\bja (usamos|utilizamos|trabalhamos com|contratamos|escolhemos|optamos|fechamos com|assinamos com|implantamos|implementamos|adotamos|automatizamos|resolvemos|compramos|adquirimos|investimos|migramos para)\b|\bja (temos|possuimos|contamos com|dispomos de|ha) (uma |um |o nosso |a nossa |nossa |nosso |outra |outro )?(ferramenta|solucao|sistema|software|fornecedor|plataforma|parceiro|processo|isso|algo|tudo|automacao|resolvido|modulo|programa)\b|\b(isso|isto) (ja )?(esta|ta) (resolvido|automatizado|coberto)\b|\bja (esta|ta) (resolvido|automatizado|coberto)\b/,
      label: 'já temos uma solução',
      weight: 2,
    },
    {
      re: /\b(escolhemos|optamos por|fechamos com|contratamos|ficamos com|vamos com|fomos com|decidimos por|assinamos com|selecionamos|apostamos em) (um |uma |o |a )?(outr[oa]|concorrente|alternativa|fornecedor diferente)\b|\b(outro|outra) (fornecedor|solucao|ferramenta|plataforma|software)\b[^.!?\n]{0,30}\b(que ja|com o qual|com a qual|ha (anos|meses)|desde)\b|\b(satisfeit[oa]s?|content[ea]s?|feliz(es)?|bem servidos|bem atendidos|atendidos) com (o nosso|a nossa|nosso|nossa|o atual|a atual|o que temos|o fornecedor|a solucao|a ferramenta|o sistema)\b|\b(continuaremos|vamos continuar|seguimos|seguiremos|ficaremos|vamos ficar|continuamos) com (o nosso|a nossa|nosso|nossa|o atual|a atual|o que temos|o fornecedor atual|a solucao atual)\b|\b(fornecedor|solucao|ferramenta|sistema|plataforma|parceiro) atual (ja )?(nos )?(atende|resolve|funciona|cobre|faz)\b/,
      label: 'escolhemos outro fornecedor',
      weight: 2,
    },
    {
      re: /\b(desenvolv|constru|cri|fiz|fizemos|montamos)\w* (\w+ )?(internamente|em casa|por nos mesmos|pela nossa equipe|pela nossa equipa|in-?house|sob medida|a medida)\b|\b(solucao|ferramenta|sistema|software|aplicacao|script|scripts|macros|rotina|automacao|desenvolvimento) (propri[oa]s?|intern[oa]s?|caseir[oa]s?|in-?house|sob medida|desenvolvid[oa]s? internamente|feit[oa]s? em casa)\b|\b(nosso|nossa) (proprio|propria) (sistema|ferramenta|solucao|software)\b/,
      label: 'solução própria',
      weight: 2,
    },
    {
      re: new RegExp(`\\b${PRODUTO}\\b[^.!?\\n]{0,40}\\bja (faz|resolve|cobre|atende|automatiza|concilia|integra)\\b|\\bacabamos de (fechar|contratar|assinar|renovar|implantar|implementar|migrar)\\b|\\b(renovamos|temos) (um |o )?contrato (com|vigente|ate|de (dois|tres|\\d+) anos)\\b|\\bcontrato (vigente|em vigor)\\b`),
      label: 'contrato com outro fornecedor',
      weight: 2,
    },
  ],
  referral: [
    {
      re: /\bnao sou (eu )?(a pessoa|o contato|o contacto|o interlocutor|quem) (certa|certo|indicad[oa]|corret[oa]|responsavel|adequad[oa]|mais indicad[oa]|que (cuida|decide|trata))\b|\bnao sou (o|a) responsavel\b|\bnao (e|eh) (da )?minha (area|alcada|responsabilidade|competencia)\b|\bnao cuido (disso|dessa parte|desse assunto|desse tema)\b|\bquem (cuida|trata|decide|e responsavel|responde|toma conta|lida|ve) (disso|dessa|desse|deste|desta|por isso|do assunto|dessa parte|desses assuntos|aqui)\b/,
      label: 'não sou a pessoa certa',
      weight: 2,
    },
    {
      re: new RegExp(`\\b(fale|fala|falar|converse|conversa|conversar|procure|procura|procurar|contate|contacte|contatar|contactar|entre em contato|entre em contacto|entrar em contato|entrar em contacto|escreva|escreve|escrever|dirija-se|consulte|busque|sugiro|recomendo|melhor)\\b (diretamente )?(com|a|ao|junto a|junto ao|falar com)? ?(o |a )?(meu|minha|nosso|nossa) (\\w+ )?${PAPEL}\\b`),
      label: 'fale com o meu colega',
      weight: 2,
    },
    {
      re: new RegExp(`\\b(encaminh|repass|reencaminh|pass)(ei|o|arei|ando|amos|aremos|ei o seu|ei seu)\\b[^.!?\\n]{0,40}\\b(para|ao|a|pro|pra|com) (o |a )?(meu|minha|nosso|nossa|responsavel|equipe|equipa|time|area|setor|departamento|gerente|diretor|diretora|cfo|controller|colega|socio|socia|contador|contadora)\\b|\\b(vou|irei) (encaminhar|repassar|passar) (o seu |seu |o teu |este |esse |o )?(e-?mail|mensagem|contato|contacto|material)? ?(para|ao|a|pro|pra)\\b`),
      label: 'encaminhei para o responsável',
      weight: 2,
    },
    {
      re: /\b(coloquei|copiei|coloco|copio|incluo|inclui|estou copiando|estou colocando|to copiando|deixo|deixei|pus|ponho)( \w+)? (em copia|no cc|em cc|no e-?mail)\b|\bestou copiando\b|\b(a|o) (pessoa|contato|contacto) (certa|certo|indicad[oa]|ideal|mais indicad[oa]) (e|seria)\b|\ba decisao (e|fica|cabe|esta) (com|a|ao|do|da)\b|\bnao (trabalho|atuo) mais (nessa|na|com essa|nesta) area\b|\bmudei de (area|cargo|funcao|setor|departamento)\b|\b(agora|hoje) quem (cuida|responde|decide)\b|\b(sugiro|recomendo) (que )?(falar|fale|contatar|contate|contactar|contacte|procurar|procure)\b|\bcuida disso\b|\b(e|eh) (o|a) responsavel\b/,
      label: 'estou copiando o responsável',
      weight: 2,
    },
    { re: new RegExp(`\\b(meu|minha|nosso|nossa) ${PAPEL}\\b|\\bem copia\\b|\\b(ele|ela) (cuida|e responsavel|trata|decide|toma conta|lida)\\b`), label: 'menciona um colega', weight: 1 },
  ],
  meeting: [
    {
      re: /\b(marcar|agendar|organizar|combinar|reservar|ter|fazer|bater|marcamos|agendamos|combinamos|marquemos|agendemos|vamos marcar|vamos agendar|vamos fazer|vamos ter)( um| uma)?( rapida| breve| rapido| curta| primeira)? (reuniao|call|chamada|conversa|demo|demonstracao|ligacao|bate-papo|papo|videochamada|videoconferencia|apresentacao|horario|meet|zoom|teams)\b|\bvamos (conversar|falar|nos falar|bater um papo)\b|(?<!\bnao )\bpodemos (conversar|falar|marcar|agendar|fazer uma (call|reuniao|demo|chamada|videochamada)|nos falar)\b|\btopo (uma |um )?(conversa|call|reuniao|papo|demo)\b/,
      label: 'marcar uma reunião',
      weight: 2,
    },
    {
      re: /\b(gostaria|gostariamos|queria|queriamos|adoraria|adorariamos) (de )?(agendar|marcar|ver|ter|fazer|conversar|falar) (uma |um )?(demo|demonstracao|reuniao|call|conversa|chamada|apresentacao|papo)\b|\b(gostaria|gostariamos|adoraria|adorariamos) de (conversar|falar|agendar|marcar)\b|\b(estou|estamos) (aberto|aberta|abertos|disponivel|disponiveis|dispostos|disposto) (a|para) (uma |um )?(conversa|reuniao|call|chamada|conversar|falar|demo)\b|\b(uma )?(call|reuniao|conversa|chamada|demo) de (20|vinte|15|quinze|30|trinta) minutos\b/,
      label: 'gostaria de ver uma demo',
      weight: 2,
    },
    {
      re: /\b(mande|manda|envie|envia|mandem|enviem|me mande|me manda|me envie|me envia|mande-me|envie-me|pode mandar|pode enviar)( o| um)? (convite|invite)\b|\b(te|lhe|vos) (mando|envio|enviarei|mandarei) (o |um )?(convite|invite)\b|\b(aceito|aceitamos|confirmo|confirmamos) (a )?(reuniao|call|chamada|convite|conversa|demo)\b/,
      label: 'mande o convite',
      weight: 3,
    },
    { re: /\b(mande|manda|envie|envia|me mande|me manda|me envie|me envia|mande-me|envie-me)( o| um)? (link|calendly)( da reuniao| do meet| do zoom| do teams| da call| para agendar)?\b/, label: 'mande o link', weight: 2 },
    {
      re: new RegExp(
        `(?<!\\bem )(?<!\\bem uma )(?<!\\bnuma )\\b(reuniao|call|chamada|conversa|demo|ligacao|papo|videochamada|apresentacao)\\b[^.!?\\n]{0,40}${NAO_RETORNO}\\b(${DIA})\\b|${NAO_RETORNO}\\b(${DIA})\\b[^.!?\\n]{0,30}(${HORA}|\\b(fica bom|fica otimo|funciona|pode ser|esta otimo|esta bom|me atende|me serve|a tarde|de manha|pela manha|pela tarde|no periodo da (manha|tarde)|estou livre|estou disponivel|tenho disponibilidade|consigo|posso)\\b)|\\b(na )?(terca|quarta)(-feira)? (fica bom|funciona|pode ser|esta otimo|esta bom|me atende|serve)\\b|\\b(qualquer um dos dois|qualquer dos dois) (dias )?(fica bom|funciona|serve|pode ser)\\b`,
      ),
      label: 'uma call na terça',
      weight: 3,
    },
    {
      re: new RegExp(`(^|[.!,] ?)(sim|topo|topamos|aceito|aceitamos|bora|beleza|combinado|fechado|pode ser|perfeito|otimo|claro|ok)[,!.]? (na |a |no )?(${DIA})\\b|${NAO_RETORNO}\\b(${DIA})\\b[^.!?\\n]{0,20}${HORA}`),
      label: 'aceita um dia',
      weight: 3,
    },
    {
      re: /\b(qual|quais) (o |os |a |as )?(melhor(es)? )?(horario|horarios|dia|dias|data|datas)( \w+)? (para voce|pra voce|para voces|te|lhe|vos|fica|ficam|funciona|funcionam|seria|seriam|voce|voces|melhor)\b|\bqual (a )?(sua|vossa) disponibilidade\b|\b(me|nos) (passe|passa|envie|envia|mande|manda|indique|indica|diga|diz) (a )?(sua|vossa|alguns|umas|algumas|opcoes de) (disponibilidade|horarios|opcoes|datas)\b|\b(tem|tens|teria|tem alguma) (disponibilidade|horario|um horario|agenda|um tempo)\b|\bsua agenda\b/,
      label: 'qual o melhor horário?',
      weight: 3,
    },
  ],
  question: [
    {
      re: /\b(gostaria|queria|gostariamos|queriamos|preciso|precisamos|quero|queremos) (de )?(saber|entender|confirmar|esclarecer|perguntar|tirar uma duvida)\b(?! mais\b)|\b(tenho|temos) (uma |algumas |umas |duas |tres |uma pequena )?(duvida|duvidas|pergunta|perguntas|questoes|questao)\b|\buma (duvida|pergunta|questao)\s*:/,
      label: 'gostaria de saber',
      weight: 2,
    },
    {
      re: new RegExp(`\\b(pode|poderia|podem|poderiam|consegue|conseguem|conseguiria|conseguiriam)( me| nos)? (enviar|mandar|dizer|explicar|informar|confirmar|esclarecer|detalhar|passar|compartilhar|indicar)(-me|-nos)?\\b[^.!?\\n]{0,60}\\b${TEMA}|\\b(me|nos) (diga|diz|explique|explica|informe|informa|confirme|confirma|esclareca|detalhe|indique|conte|conta)\\b[^.!?\\n]{0,40}\\b${TEMA}|\\b(mais )?(informacoes|detalhes|info) (sobre|a respeito de|acerca de|quanto a|do|da|dos|das) (o |a |os |as )?(preco|precos|valores|integracao|integracoes|seguranca|implantacao|implementacao|piloto|contrato|api|suporte|custos|planos|licencas|licenciamento)\\b`),
      label: 'pode me informar o preço',
      weight: 2,
    },
    {
      re: new RegExp(`\\bquanto (custa|custaria|sai|sairia|fica|ficaria|cobram|e o investimento)\\b|\\b(funciona|integra|se integra|e compativel|conecta|sincroniza)( bem)? com (o |a |nosso |nossa |o nosso |a nossa )?(${PRODUTO}|erp|banco|bancos)\\b`),
      label: 'quanto custa?',
      weight: 2,
    },
  ],
  interest: [
    {
      re: /(?<!\bnao )(?<!\btambem nao )\b(temos|tenho) (muito |bastante |grande )?interesse\b|(?<!\bnao )\b(estamos|estou|estariamos|estaria) (muito |bem )?interessad[oa]s?\b|(?<!\bnao )\b(me|nos) interess(a|ou|aria)\b|\bparece (interessante|bom|otimo|promissor|util|relevante|muito bom)\b|(?<!\bnada )(?<!\bnao e )(?<!\bpouco )\binteressante\b/,
      label: 'tenho interesse',
      weight: 2,
    },
    {
      re: /\b(me|nos) (mande|manda|envie|envia|passe|passa|mandem|enviem)( mais)? (informacoes|info|infos|detalhes|material|materiais|apresentacao|a apresentacao|um material|o material|uma apresentacao|folder|portfolio|um resumo)\b|\b(mande|manda|envie|envia|mandem|enviem)(-me|-nos) (mais )?(informacoes|info|detalhes|material|a apresentacao|uma apresentacao)\b|\bmais informacoes\b|\b(saber|conhecer|entender) mais\b/,
      label: 'mande mais informações',
      weight: 2,
    },
    {
      re: /\b(e|eh) (exatamente|justamente|bem) (o que|disso que) (precisamos|procuramos|estavamos procurando|buscamos)\b|\b(estamos|estavamos) (justamente|exatamente|agora)? ?(procurando|buscando|avaliando|a procurar|a avaliar|pensando em) (algo|uma solucao|uma ferramenta|isso|algo assim|algo parecido)\b|\b(me|nos) (mantenha|mantem|mantenham|mantenha-me|mantem-me) (informad[oa]s?|atualizad[oa]s?|a par)\b|\b(mantenha-me|mantenham-me) (informad[oa]|atualizad[oa]|a par)\b|\b(faz|fez) (muito )?sentido (para|pra) (nos|a gente|nossa empresa|o nosso caso)\b|\b(vou|vamos) dar uma olhada\b/,
      label: 'é exatamente o que procuramos',
      weight: 2,
    },
    { re: /^(sim|claro|com certeza|pode ser|otimo|perfeito|boa|tenho interesse|bora)[,.! ]*(por favor|obrigad[oa])?[.!]*$/, label: 'sim', weight: 1 },
  ],
  threat: [
    {
      re: new RegExp(`\\b${AMEACO}${DENUNCIA_INF}\\b[^.!?\\n]{0,60}${AUTORIDADE}|\\b${DENUNCIA_FUT}\\b[^.!?\\n]{0,60}${AUTORIDADE}|\\b${AMEACO}(tomar|adotar|mover|entrar com) (as )?(medidas|providencias|acoes|uma acao|acao) (judiciais|judicial|legais|legal|cabiveis)|\\b(tomarei|tomaremos|adotarei|adotaremos|moverei|moveremos) (as )?(medidas|providencias|acoes|uma acao) (judiciais|judicial|legais|legal|cabiveis)|\\b(vou|vamos|irei|iremos) processar\\b|\\bprocessarei\\b|\\bprocessaremos\\b`),
      label: 'ameaça legal',
    },
    { re: /\b(isso|isto|este e-?mail|esse e-?mail|esta mensagem|essa mensagem|tudo isso)( \w+)? (e|eh|sao) (um |puro |simplesmente |claramente |mais um )?(spam|lixo eletronico)\b|(?<!\bnao )\b(e|eh) spam\b(?! e\b)|\bcomo (spam|lixo eletronico)\b/, label: 'chama de spam' },
    { re: /\b(assedio|assediando|assediar|perseguicao)\b/, label: 'assédio' },
  ],
  anger: [
    {
      re: /\b(absurdo|absurda|inaceitavel|ridicul[oa]|(que|uma|e uma) vergonha|vergonhoso|porra|merda|caralho|cacete|puta que pariu|que saco|encher o saco|enchendo o saco|saco cheio|insuportave(l|is)|palhacada|picaretagem|(isso e|e um|que) golpe|golpistas?|idiota\w*|imbecil\w*|otario\w*|falta de respeito|desrespeito|farto|farta|fartos|estou farto|que chatice|irritante|ja chega)\b|(^|[.!?] ?)(chega|basta)!/,
      label: 'raiva',
    },
    { re: /\bquantas vezes\b|\bpela (terceira|quarta|quinta|enesima|milesima) vez\b|\b(de novo|outra vez) (isso|esse e-?mail|este e-?mail)\b|\b(toda|todo) (semana|dia|hora)\b[^.!?\n]{0,20}\b(e-?mail|mensagem)/, label: 'contato repetido' },
  ],
  confused: [
    {
      re: /\bquem (e voce|sao voces|e o senhor|e a senhora|e essa|e esta|e a dana|e a northpeak|es tu|e vc|sao vcs)\b|\b(onde|como|de onde) (voce |voces |o senhor |a senhora |vcs |vc )?(conseguiu|conseguiram|obteve|obtiveram|pegou|pegaram|arranjou|arranjaram|encontrou|encontraram|achou|acharam|tirou|tiraram) (o |os )?(meu|minha|meus|nosso|nossa|este|esse) (e-?mail|email|endereco|contato|contacto|dados|nome|numero)\b|\bde onde (voces |voce |vcs |vc )?(tem|tiraram|tirou|veio) (o |os )?(meu|meus|nosso|este|esse) (e-?mail|email|endereco|contato|contacto|dados)\b|\bnao (te|lhe|os|vos) (conheco|conhecemos)\b|\bnao (conheco|conhecemos) (voce|voces|vcs|vc|o senhor|a senhora|a sua empresa|sua empresa|essa empresa|esta empresa|a northpeak)\b|\b(por que|porque) (estou|estamos) (recebendo|a receber)\b|\b(por que|porque) (voce |voces |vc |vcs )?(me|nos) (escreveu|escreveram|enviou|enviaram|mandou|mandaram|contatou|contataram|contactou|esta escrevendo|estao escrevendo)\b/,
      label: 'quem é você',
    },
    { re: /\bnunca (me )?(cadastrei|inscrevi|assinei|autorizei|pedi|solicitei|registei|registrei|dei (o meu |meu )?(consentimento|autorizacao))\b|\bsem (o meu|meu|nosso|o nosso) (consentimento|autorizacao|permissao)\b/, label: 'nunca autorizei', weight: 2 },
  ],
  away: [
    {
      re: /\b(estou|estarei|me encontro|encontro-me|estara|esta|se encontra|encontra-se|estaremos|estamos|ficarei) (de ferias|em ferias|ausente|ausentes|fora do escritorio|fora da empresa|fora(?= *([.,;!]|$|ate|hoje|amanha|esta semana|nesta semana|estes dias|uns dias|alguns dias|em viagem|por (motivo|ferias|viagem)|durante|do pais))|em viagem|viajando|de viagem|de licenca|em licenca|de folga|em folga|afastad[oa]|em formacao|em treinamento|num evento|em um evento|numa conferencia|em uma conferencia|em congresso|num congresso|sem acesso|de baixa|em baixa medica|de atestado|em recesso|de recesso|offline|fora do pais|no estrangeiro|no exterior|de feriado|em feriado|indisponivel)\b/,
      label: 'estou de férias / ausente',
    },
    { re: /\bfora do escritorio\b|\b(hoje|amanha) e feriado\b|\bferiado (prolongado|nacional|municipal|estadual)\b|\b(de|em|periodo de|gozo de|gozando) ferias\b|\bferias coletivas\b|\bausente\b|\blicenca(-| )(maternidade|paternidade|medica|parental|saude)\b|\b(baixa|licenca) (medica|por doenca|de maternidade|de paternidade|parental)\b/, label: 'de férias / licença' },
    { re: /\brecesso (de fim de ano|de natal|coletivo|de final de ano)\b|\b(nossos escritorios|o escritorio|os escritorios|a empresa|nossa empresa|a nossa empresa) (estara|estarao|permanecera|permanecerao|estarão) (fechad[oa]s?|em recesso|encerrad[oa]s?)\b|\b(fechad[oa]s?|encerrad[oa]s?) (para|por|durante o|durante as) (ferias|festas|recesso|natal|feriado)\b/, label: 'escritório fechado / recesso' },
    { re: /\bnao (estou|estarei|me encontro|estara) (disponivel|no escritorio|a trabalhar|trabalhando)\b|\b(retorno|retornarei|volto|voltarei|estarei de volta|regresso|regressarei) (ao escritorio |ao trabalho |as atividades |as minhas funcoes |ao servico )?(em|no dia|na|no|dia|a partir|amanha|segunda|terca|quarta|quinta|sexta|\d)/, label: 'não estou disponível / retorno em' },
  ],
  awayNotice: [
    { re: /\b(no|ao|apos o|depois do|ate o) (meu )?retorno\b|\bquando (eu )?(retornar|voltar|regressar)\b|\bassim que (eu )?(retornar|voltar|regressar)\b|\bdurante (a )?minha ausencia\b|\bna minha ausencia\b/, label: 'no meu retorno' },
    { re: /\bacesso (limitado|restrito|esporadico|reduzido)\b|\bsem acesso (ao|a|aos) (e-?mail|email|e-?mails|emails|internet|correio)\b|\bnao terei acesso\b/, label: 'acesso limitado ao e-mail' },
    { re: /\b(para|em caso de|nos casos de|havendo|se houver|caso haja) (assuntos|questoes|casos|temas|demandas)? ?(urgentes?|urgencia|urgencias)\b|\bem caso de urgencia\b|\bcaso (seja|o assunto seja) urgente\b|\bse (for|o assunto for) urgente\b/, label: 'assuntos urgentes' },
    { re: /\bobrigad[oa] (pela|por sua|pelo seu|pelo|pela sua) (mensagem|e-?mail|contato|contacto)\b|\bresponderei (ao seu |a sua |o seu |sua |seu )?(e-?mail |mensagem |contato |contacto )?(assim que|quando|no|apos|o mais breve|logo que|com a maior brevidade)\b|\b(sua|a sua) mensagem (nao )?sera (encaminhada|lida|respondida)\b|\bcom a maior brevidade possivel\b/, label: 'responderei assim que possível' },
    { re: /\b(contatar|contactar|entrar em contato|entrar em contacto|entre em contato|entre em contacto|falar com|procurar|escrever para|enviar e-?mail para|contate|contacte)\b[^\n]{0,80}@/, label: 'contato alternativo' },
  ],
  automatic: [
    { re: /\b(esta|essa|este|esse) (caixa|caixa postal|caixa de correio|endereco|e-?mail|conta)( de e-?mail| de correio)? (nao e|nao esta sendo|ja nao e|deixou de ser|nao esta a ser) (monitorad[oa]|verificad[oa]|lid[oa]|acompanhad[oa])\b|\bcaixa (postal )?(nao monitorada|nao verificada)\b/, label: 'caixa não monitorada', weight: 2 },
    { re: /\b(o seu|seu|sua|a sua|o teu|a tua) (pedido|solicitacao|chamado|ticket|requisicao|mensagem|protocolo|caso|ocorrencia|pedido de suporte)( \(?(n[oº]\.? ?|numero |#) ?[a-z0-9-]*\d[a-z0-9-]*\)?| \(?#?[a-z]*-?\d{3,}\)?)? (foi|esta|ja foi) (registad[oa]|registrad[oa]|recebid[oa]|abert[oa]|criad[oa])\b/, label: 'pedido registado', weight: 2 },
    { re: /\b(sua|a sua|a) mensagem\b[^\n]{0,120}\b(foi lida|foi visualizada|foi aberta)\b|\b(confirmacao|recibo) de leitura\b|^\s*foi (lida|visualizada)\b|\bfoi (lida|visualizada) (em|no dia|a|na) (segunda|terca|quarta|quinta|sexta|sabado|domingo|\d)/m, label: 'confirmação de leitura', weight: 2 },
    { re: /\b(esta|essa) (e|eh) uma (mensagem|resposta) automatica\b|\b(mensagem|resposta|e-?mail|notificacao) (automatica|gerad[oa] automaticamente|enviad[oa] automaticamente)\b|\b(gerad[oa]|enviad[oa]) automaticamente\b/, label: 'mensagem automática' },
    { re: /\b(por favor,? )?nao (responda|responder) (a )?(este|esta|esse|essa) (e-?mail|email|mensagem|endereco)\b/, label: 'não responda a este e-mail' },
    { re: /\brecebemos (a sua|sua|o seu|seu) (solicitacao|mensagem|pedido|e-?mail|contato|contacto)\b|\b(numero de )?(protocolo|chamado|ticket|pedido)( n[oº]?\.?| numero| #|:)? ?#? ?[a-z]*-?\d{3,}\b/, label: 'recebemos o seu pedido' },
    { re: /\bnao faz mais parte\b|\bnao trabalha mais\b|\bja nao (trabalha|faz parte|colabora)\b|\b(deixou|saiu d)(a empresa| a empresa|e fazer parte)\b|\bnao pertence mais\b|\bobrigad[oa] (por|pelo) (entrar em contato|entrar em contacto|seu contato|o seu contacto|contactar|contatar|escrever)\b[^\n]{0,120}\b(em breve|o mais breve|dentro de|nas proximas|prazo|horas uteis|dias uteis|retornaremos|responderemos)\b/, label: 'não trabalha mais aqui / retornaremos em breve' },
    { re: /\b(meu|o meu|nosso) (novo )?(endereco de e-?mail|e-?mail) (mudou|foi alterado|e agora|passou a ser)\b|\bnovo (endereco de )?e-?mail e\b/, label: 'endereço alterado' },
  ],
  autoSubjects: [
    { re: /^(resposta automatica|resposta automatizada|mensagem automatica|auto ?resposta|autoresposta|confirmacao de leitura|lida:|lido:|recebemos (a sua|sua|o seu|seu)|sua solicitacao|o seu pedido|seu pedido|\[?(pedido|chamado|ticket|protocolo|solicitacao) ?#?\d)/, away: false },
    { re: /^(ausente|ausencia|fora do escritorio|ferias|de ferias|em ferias|estou de ferias|ferias coletivas|recesso|aviso de ausencia|licenca)/, away: true },
  ],
  returnCue: [
    'retorno', 'retornarei', 'retornando', 'retornando no dia', 'retorna', 'retornara', 'retornaremos', 'volto', 'voltarei', 'voltaremos', 'voltara', 'estarei de volta', 'de volta',
    'regresso', 'regressarei', 'regressando', 'estarei novamente', 'novamente disponivel', 'disponivel novamente', 'de novo disponivel', 'retomarei', 'retomaremos', 'retomamos',
    'reabrimos', 'reabriremos', 'retorno previsto', 'previsao de retorno', 'data de retorno', 'retorno ao escritorio', 'retorno as atividades',
  ],
  untilCue: ['ate', 'ate o dia', 'ate dia', 'ate o', 'ate ao', 'ate ao dia', 'ate a'],
  // "a partir de 21/12" in an absence notice is mostly its first day away; after a return word ("retorno a partir
  // de 11/01") or a last day away it reads as the return (dates.ts). Not a bare "de": in "ausente de 23/11 a 01/12"
  // it is the nearest cue before the last day too (the "a" between is filler), which would make that a first day.
  fromCue: ['desde', 'entre', 'a partir', 'a partir de', 'a partir do', 'a partir da'],
};
