import type { Language } from './request-style.js';

/**
 * The words and sentence templates long answers are made of. In a template, `{s}` is the subject
 * the user asked about, `{a}` an adjective, `{n}` a noun, `{h}` the story's hero and `{p}` a place.
 */
export interface WordBank {
  adjectives: readonly string[];
  nouns: readonly string[];
  heroes: readonly string[];
  places: readonly string[];
  essayTitle: string;
  storyTitle: string;
  essay: readonly string[];
  story: readonly string[];
  /** Short sentences that top an answer up to the asked length. */
  fillers: readonly string[];
}

const ENGLISH: WordBank = {
  adjectives: [
    'quiet',
    'curious',
    'patient',
    'surprising',
    'practical',
    'old',
    'restless',
    'simple',
    'lasting',
    'careful',
    'bright',
    'humble',
  ],
  nouns: [
    'habit',
    'question',
    'pattern',
    'story',
    'tool',
    'promise',
    'detail',
    'trade-off',
    'idea',
    'rhythm',
    'experiment',
    'map',
  ],
  heroes: ['Ada', 'Tomas', 'Mira', 'Jonah', 'Leila', 'Pim'],
  places: [
    'a harbour town',
    'the northern hills',
    'a crowded market',
    'an old library',
    'a lighthouse',
    'the edge of the forest',
  ],
  essayTitle: 'On {s}',
  storyTitle: 'A story of {s}',
  essay: [
    'Few subjects reward attention as much as {s}, and the reason is a {a} one.',
    'At first glance {s} looks like a single {n}, but it is really many small choices made over time.',
    'People who study {s} often begin with a {a} {n} and end up somewhere they did not expect.',
    'It helps to ask what {s} is for before asking how it works.',
    'History shows that {s} changes slowly, then all at once, whenever a {a} {n} finally finds its moment.',
    'A {a} {n} sits at the centre of it, and everything else is arranged around that.',
    'Critics point out that {s} can be overrated, and they are right about the details if not the whole.',
    'The practical lesson is to treat {s} as a {n} to practise rather than a fact to memorise.',
    'Consider how a beginner meets {s}: with a {a} {n}, a few mistakes and a growing sense of the shape of things.',
    'Experts, by contrast, notice the {a} {n} that everyone else walks past.',
    'There is also a social side, because {s} is rarely done alone and always shared with others.',
    'Numbers matter less here than judgement, and judgement comes from a long series of {a} attempts.',
    'In the end, {s} teaches patience more than anything else.',
    'Whatever comes next, the {a} {n} behind {s} will keep its place.',
    'One useful test is to explain {s} to a friend in plain words and see which {n} they ask about first.',
    'Seen from a distance, the whole subject looks like a {a} {n} that keeps renewing itself.',
  ],
  story: [
    'Once, in {p}, there lived someone called {h} who cared about {s} more than anyone else did.',
    'Every morning {h} set out with a {a} {n} and a head full of plans.',
    'The neighbours thought {s} was a strange thing to care about, but {h} did not mind.',
    'One day a {a} stranger arrived in {p} and asked about {s}.',
    '{h} listened, nodded, and led the stranger past the market and up the winding road.',
    'By evening the two of them had found a {a} {n} that nobody had noticed in years.',
    'It was not treasure, exactly, but it changed how {h} thought about {s}.',
    'Rain came, and with it a long night of talk about every {n} they had ever lost.',
    'At dawn the stranger was gone, leaving only a {a} {n} on the doorstep.',
    'So {h} went back to {p} and began again, a little wiser than before.',
    'Years later, children in {p} still told the tale of {h} and the {a} {n}.',
    'And whenever anyone asked about {s}, they were pointed to the house with the blue door.',
  ],
  fillers: [
    'That is worth remembering.',
    'It is a {a} thought.',
    'So it goes.',
    'And that matters.',
  ],
};

const FRENCH: WordBank = {
  adjectives: [
    'calme',
    'curieux',
    'patient',
    'surprenant',
    'pratique',
    'ancien',
    'simple',
    'durable',
    'discret',
    'lumineux',
  ],
  nouns: [
    'détail',
    'projet',
    'principe',
    'chemin',
    'outil',
    'secret',
    'rythme',
    'carnet',
    'souvenir',
    'plan',
  ],
  heroes: ['Léa', 'Hugo', 'Camille', 'Jules', 'Inès', 'Marius'],
  places: [
    'un petit port',
    'les collines du nord',
    'un marché animé',
    'une vieille bibliothèque',
    'un phare',
  ],
  essayTitle: 'À propos de {s}',
  storyTitle: 'Une histoire de {s}',
  essay: [
    'Peu de sujets méritent autant d’attention que {s}, et la raison est simple.',
    'À première vue, {s} ressemble à un seul {n}, mais ce sont en réalité de nombreux petits choix.',
    'Ceux qui étudient {s} commencent souvent par un {n} {a} et arrivent là où ils ne l’attendaient pas.',
    'Il vaut mieux se demander à quoi sert {s} avant de se demander comment cela fonctionne.',
    'L’histoire montre que {s} change lentement, puis tout à coup, quand un {n} {a} trouve enfin son heure.',
    'Les critiques disent que {s} est surestimé, et ils ont raison sur les détails sinon sur l’ensemble.',
    'La leçon pratique est de traiter {s} comme un {n} à exercer plutôt qu’un fait à apprendre par cœur.',
    'Les experts remarquent le {n} {a} que tout le monde ignore.',
    'Il y a aussi un aspect social, car {s} se partage toujours avec les autres.',
    'Au bout du compte, {s} enseigne la patience plus que tout le reste.',
  ],
  story: [
    'Il était une fois, dans {p}, une personne nommée {h} qui tenait à {s} plus que quiconque.',
    'Chaque matin, {h} partait avec un {n} {a} et la tête pleine de projets.',
    'Un jour, un étranger {a} arriva et posa des questions sur {s}.',
    '{h} l’écouta, hocha la tête et le conduisit au-delà du marché.',
    'Le soir venu, ils avaient trouvé un {n} {a} que personne n’avait vu depuis des années.',
    'Ce n’était pas un trésor, mais cela changea la façon dont {h} voyait {s}.',
    'À l’aube, l’étranger était parti, ne laissant qu’un {n} {a} sur le seuil.',
    'Des années plus tard, on racontait encore l’histoire de {h} aux enfants.',
  ],
  fillers: ['Voilà qui compte.', 'C’est une idée {a}.', 'Ainsi va la vie.', 'Et cela suffit.'],
};

/** The word bank of a language. */
export function wordBank(language: Language): WordBank {
  return language === 'fr' ? FRENCH : ENGLISH;
}
