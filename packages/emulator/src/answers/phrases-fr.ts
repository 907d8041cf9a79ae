import { words } from '../text-facts.js';
import { colourName, hexOf } from './colour-names.js';
import { listOf, type Phrasebook, quote } from './phrasebook.js';
import { keywords } from './topic.js';

const CONDITIONS: Record<string, string> = {
  sunny: 'ensoleillé',
  clear: 'dégagé',
  'partly cloudy': 'partiellement nuageux',
  cloudy: 'nuageux',
  overcast: 'couvert',
  'light rain': 'de la pluie fine',
  rain: 'de la pluie',
  windy: 'venteux',
  'snow showers': 'des averses de neige',
  snow: 'de la neige',
  foggy: 'brumeux',
};

const ORDINALS = ['première', 'deuxième', 'troisième', 'quatrième', 'cinquième'];

/** The scripted assistant's French. */
export const FRENCH: Phrasebook = {
  greeting: [
    'Bonjour ! Je suis l’émulateur chatwire : un modèle scripté qui tourne sur votre machine, sans clé ni réseau. À essayer :',
    '',
    '- **Markdown** : « Montre-moi du Markdown » donne des titres, des listes, un tableau et du code.',
    '- **Une longue réponse** : « Écris un essai de 500 mots sur la mer » s’affiche mot à mot.',
    '- **Un personnage** : un prompt système « Tu es un pirate » ou « Réponds en JSON ».',
    '- **L’outil météo** : « Quel temps fait-il à Lisbonne ? »',
    '- **Une image** : joignez une photo, je donne sa taille et sa couleur principale.',
    '- **Du JSON structuré** : demandez un `response_format` et je réponds dans cette forme.',
  ].join('\n'),
  empty: 'Votre message était vide. Envoyez du texte et je le résumerai.',
  summary(text) {
    const count = words(text).length;
    const kind = text.trim().endsWith('?') ? 'une question' : 'un message';
    const about = keywords(text).join(', ') || 'rien de particulier';
    return `Vous avez envoyé ${kind} de ${count} ${count === 1 ? 'mot' : 'mots'} : « ${quote(text, 12)} ». En bref, il s’agit de ${about}.`;
  },
  imageCount: (count) => (count === 1 ? 'Je vois 1 image' : `Je vois ${count} images`),
  image(facts, position, of) {
    const lead = of === 1 ? 'C’est' : `La ${ORDINALS[position] ?? `image ${position + 1}`} est`;
    if (facts.kind === 'remote')
      return `${lead} à l’adresse ${facts.url}, que je ne peux pas ouvrir hors ligne.`;
    if (facts.kind === 'unreadable')
      return `${lead} un fichier que je n’ai pas pu lire comme une image.`;
    const size = `un ${facts.format} de ${facts.width} × ${facts.height}`;
    if (!facts.mainColour) return `${lead} ${size}.`;
    return `${lead} ${size}, surtout ${colourName(facts.mainColour).fr} (${hexOf(facts.mainColour)}).`;
  },
  weather({ temperature, unit, conditions, place }) {
    const degrees = unit ? `${temperature} ${unit}` : `${temperature} degrés`;
    const sky = conditions ? `, temps ${CONDITIONS[conditions.toLowerCase()] ?? conditions}` : '';
    const where = place ? ` à ${place}` : '';
    return `Il fait ${degrees}${where}${sky}.`;
  },
  toolResult({ tool, fields, plain, error }) {
    if (error) return `L’outil ${tool} a échoué : ${error}.`;
    if (plain !== undefined)
      return plain ? `L’outil ${tool} répond : ${plain}.` : `L’outil ${tool} n’a rien renvoyé.`;
    const values = fields.map(([name, value]) => `${name} vaut ${value}`);
    return values.length > 0
      ? `D’après l’outil ${tool}, ${listOf(values, 'et')}.`
      : `L’outil ${tool} n’a rien renvoyé.`;
  },
  alternative: (index) => `(Variante ${index + 1}.)`,
};
