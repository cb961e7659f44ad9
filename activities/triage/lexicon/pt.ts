import type { Lexicon } from './types';

const DIA = '(segunda|terca|quarta|quinta|sexta|segunda-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira|amanha|semana que vem|proxima semana)';

export const pt: Lexicon = {
  lang: 'pt',
  optOut: [
    { re: /\b(remover|retirar|excluir|tirar|apagar)(-me| me)?( o meu| meu| minha| os meus| meus)?( e-?mail| endereco| contato| dados)? (da|de|dessa|desta|das|sua|vossa) (lista|listas|base|mailing|cadastro)\b|\b(removam|retirem|excluam|tirem|apaguem)(-me| me)\b|\b(me|nos) (removam|retirem|excluam|descadastrem|tirem)\b|\bdescadastr\w*\b|\bcancelar (a )?(inscricao|assinatura)\b|\bnao (me |nos )?(enviem|envie|mandem|mande|contatem|contate|escrevam|escreva) mais\b|\bnao quero (mais )?receber\b|\bparem de (me |nos )?(enviar|mandar|escrever|contatar)\b|\blgpd\b[^.!?\n]{0,60}\b(oponho|oposicao|exclu|elimin|apag|revog)|\b(exclusao|eliminacao|remocao) (dos |de )?(meus |todos os meus )?dados\b|\b(excluir|eliminar|apagar|remover) (os )?(meus|todos os meus) dados\b|\banpd\b|\b(me oponho|oposicao)\b.{0,60}\b(tratamento|dados|marketing)\b|\be spam\b|\badvogado\b/, label: 'descadastrar', weight: 2 },
  ],
  optOutNotRequest: [],
  notInterested: [
    { re: /\bnao (temos|tenho) interesse\b|\bnao (estamos|estou) interessad[oa]s?\b|\bsem interesse\b|\bnao,? obrigad[oa]\b|\bobrigad[oa],? mas nao\b|\bnao (precisamos|necessitamos)\b|\bnao (e|faz sentido) para nos\b/, label: 'não temos interesse', weight: 2 },
  ],
  price: [
    { re: /\binviavel\b|\bnao cabe no (nosso )?orcamento\b|\bmuito car[oa]\b|\bcar[oa] demais\b|\bsem orcamento\b|\bnao (temos|ha) orcamento\b|\borcamento (esta )?(congelado|esgotado|apertado)\b|\b(preco|custo)s? (e |sao )?(muito )?(alto|altos|elevado)\b|\bfora do (nosso )?orcamento\b/, label: 'muito caro', weight: 2 },
  ],
  timing: [
    { re: /\bnao e o (momento|melhor momento|momento certo)\b|\bagora nao\b|\bno momento nao\b|\bmais (para frente|tarde|adiante)\b|\bano que vem\b|\bproximo (ano|trimestre|semestre)\b|\b(volte|entre|retome) (a falar|em contato|o contato)\b.{0,30}\b(em|depois|no|apos)\b|\bem (janeiro|fevereiro|marco|abril|maio|junho)\b/, label: 'não é o momento', weight: 2 },
  ],
  competitor: [
    { re: /\bja (usamos|utilizamos|temos|trabalhamos com|contratamos|escolhemos)\b|\b(outro|outra) (fornecedor|solucao|ferramenta)\b|\b(fornecedor|solucao|ferramenta) atual\b|\bsolucao (propria|interna)\b|\bdesenvolvemos internamente\b/, label: 'já temos uma solução', weight: 2 },
  ],
  referral: [
    { re: /\bnao sou a pessoa (certa|indicada|correta|responsavel)\b|\b(meu|minha|nosso|nossa) (colega|gerente|diretor|diretora|responsavel|cfo|controller)\b|\b(encaminhei|encaminho|repassei|repasso)\b|\bem copia\b|\bcuida disso\b|\be (o|a) responsavel\b/, label: 'não sou a pessoa certa', weight: 2 },
  ],
  meeting: [
    { re: new RegExp(`\\b(marcar|agendar|organizar) (uma )?(reuniao|call|chamada|conversa|demo|demonstracao|ligacao)\\b|\\b(reuniao|call|chamada|conversa|demo|ligacao)\\b.{0,40}\\b${DIA}\\b|\\b${DIA}\\b.{0,30}\\b(as \\d{1,2}|fica bom|funciona|pode ser|esta otimo|a tarde|de manha)\\b|\\bmande (um )?convite\\b|\\bvamos conversar\\b`), label: 'marcar uma reunião', weight: 2 },
  ],
  question: [
    { re: /\b(gostaria|queria|gostariamos) de (saber|entender|conhecer)\b|\b(pode|poderia|podem) (me )?(enviar|mandar|dizer|explicar|informar)\b/, label: 'gostaria de saber', weight: 2 },
  ],
  interest: [
    { re: /\b(temos|tenho) interesse\b|\b(estamos|estou) interessad[oa]s?\b|\bparece interessante\b|\binteressante\b|\bmais informacoes\b|\bsaber mais\b/, label: 'tenho interesse', weight: 2 },
  ],
  threat: [{ re: /\b(advogado|processo|anpd|procon|denuncia)\b/, label: 'ameaça legal' }],
  anger: [{ re: /\b(absurdo|inaceitavel|ridiculo|chega|porra|merda)\b/, label: 'raiva' }],
  confused: [{ re: /\bquem (e voce|sao voces|e o senhor)\b|\bonde (conseguiu|conseguiram|obteve) (meu|minha)\b|\bcomo (conseguiu|conseguiram|obteve) (meu|minha)\b/, label: 'quem é você' }],
  away: [
    { re: /\b(estou|estarei|esta|estara) (de ferias|ausente|fora do escritorio|em viagem|de licenca|em licenca|fora)\b|\bfora do escritorio\b|\bde ferias\b|\bausente\b|\blicenca(-| )(maternidade|paternidade)\b/, label: 'estou ausente' },
  ],
  awayNotice: [
    { re: /\bno meu retorno\b|\bquando (eu )?retornar\b|\bacesso limitado\b|\bpara assuntos urgentes\b|\bem caso de urgencia\b|\bobrigad[oa] (pela|por sua) (mensagem|e-?mail)\b|\bdurante (a )?minha ausencia\b/, label: 'aviso de ausência' },
  ],
  automatic: [
    { re: /\b(resposta|mensagem) automatica\b|\bgerad[oa] automaticamente\b|\bnao faz mais parte\b|\bnao trabalha mais\b|\brecebemos (sua|a sua) (solicitacao|mensagem)\b/, label: 'resposta automática' },
  ],
  autoSubjects: [
    { re: /^(resposta automatica)/, away: false },
    { re: /^(ausente|ausencia|fora do escritorio|ferias)/, away: true },
  ],
  returnCue: ['retorno', 'retornarei', 'retornando', 'retornando no dia', 'retorna', 'volto', 'voltarei', 'estarei de volta', 'de volta', 'a partir de', 'a partir do', 'a partir da'],
  untilCue: ['ate', 'ate o dia', 'ate dia', 'ate o'],
  fromCue: ['de', 'desde', 'entre'],
};
