// Seeded, deterministic synthetic vaults for the compile and app benchmarks.
//
//   tsx bench/generate.ts --notes 10000 --seed 1 --shape wiki --out bench/.vaults/wiki-10k
//
// Same arguments -> byte-identical files, on any machine: one mulberry32 stream drives every choice, files are
// produced in a fixed order, and nothing reads the clock or the file system to decide content.
//
// Shapes:
// - `mixed` (issue 2): an everyday Obsidian vault. Frontmatter (title, tags, sometimes aliases, other keys),
//   3-20 links a note in every supported form, ~7% to notes that do not exist, paragraphs, GFM tables,
//   fenced code, callouts, inline #tags, comments, a few folders and some attachments.
// - `wiki` (issue 4): the podcast-topic wiki of /work/shared/reference/seed-note.md. Channel folders, each
//   with an index note; episode notes with `title`/`videoId` frontmatter, `From: [[Channel]] <br/>`, sections,
//   ~10 links a note mostly `[[slug | Label]]`; a third of resolvable targets written as slug variants that
//   only match after normalisation; thousands of links to missing notes; an `> [!info]` callout; topic notes
//   linking to related topics by preferential attachment (hubs and communities); a few ~1 MB giants, one with
//   a single line of several hundred thousand characters. About 7-8 KB a note on average.
import { seededRandom } from '../src/shared/forceLayout.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export type Shape = 'mixed' | 'wiki';
export const SHAPES: readonly Shape[] = ['mixed', 'wiki'];

export interface GenerateOptions {
  /** Exact number of `.md` files to write. */
  notes: number;
  seed: number;
  shape: Shape;
  /** Giant (~1 MB) notes; default depends on shape and size (wiki only). */
  giants?: number;
}

export interface VaultFile {
  /** Vault-relative, '/'-separated. */
  path: string;
  content: string | Uint8Array;
}

export interface VaultStats {
  notes: number;
  /** Every file written, notes and attachments. */
  files: number;
  bytes: number;
  /** Links to notes, as written (wikilinks, embeds of notes, Markdown links to notes, frontmatter links). */
  links: number;
  /** Of those, links whose target names no note. */
  ghostLinks: number;
  /** Of the links to existing notes, those written as a slug variant that only matches after normalisation. */
  variantLinks: number;
  /** `[[t | Label]]`: spaces around the pipe. */
  spacedPipeLinks: number;
  giantNotes: number;
  largestNoteBytes: number;
  longestLineChars: number;
}

/** Written into the vault last; a vault without it was interrupted and is regenerated. */
export const STAMP_FILE = '.topic-atlas-bench.json';

export interface VaultStamp {
  generator: string;
  shape: Shape;
  notes: number;
  seed: number;
  giants: number;
  stats: VaultStats;
}

// ---------------------------------------------------------------------------------------------------------
// Randomness

/** mulberry32, the same seeded PRNG the layout uses. Returns floats in [0, 1). */
export const mulberry32 = seededRandom;

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Log-normal with the given mean and spread, clamped. */
  size(mean: number, sigma: number, lo: number, hi: number): number {
    const value = mean * Math.exp(sigma * this.normal() - (sigma * sigma) / 2);
    return Math.round(Math.min(hi, Math.max(lo, value)));
  }
  /** Index drawn by weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/**
 * Pólya urn: drawing an item puts another copy back, so the well-linked get linked more
 * (preferential attachment; a scale-free-ish in-degree with hubs).
 */
class Urn {
  private readonly items: number[] = [];
  add(item: number, copies = 1): void {
    for (let i = 0; i < copies; i++) this.items.push(item);
  }
  get size(): number {
    return this.items.length;
  }
  draw(rng: Rng): number {
    const item = this.items[Math.floor(rng.next() * this.items.length)]!;
    this.items.push(item);
    return item;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary

interface Theme {
  name: string;
  nouns: readonly string[];
}

const THEMES: readonly Theme[] = [
  { name: 'ai', nouns: ['AI alignment', 'AI safety', 'reinforcement learning', 'scaling laws', 'language models', 'interpretability', 'pre-training', 'post-training', 'AI agents', 'compute governance', 'model evaluations', 'reward hacking', 'transformer architecture', 'synthetic data', 'AI takeover scenarios', 'model motivations', 'chain of thought', 'AI progress', 'automated research', 'GPU clusters', 'open weights', 'AI regulation', 'mechanistic interpretability', 'deceptive alignment', 'intelligence explosion', 'benchmarks', 'test-time compute', 'sample efficiency', 'continual learning', 'AGI timelines'] },
  { name: 'economics', nouns: ['inflation', 'interest rates', 'economic growth', 'labor markets', 'productivity', 'central banking', 'trade policy', 'housing markets', 'venture capital', 'public debt', 'tax policy', 'industrial policy', 'supply chains', 'wage growth', 'monetary policy', 'market structure', 'automation', 'income inequality', 'capital allocation', 'price discovery', 'economic history', 'startup funding', 'antitrust', 'globalization', 'fiscal stimulus', 'real estate', 'commodity prices', 'currency markets', 'pension systems', 'GDP growth'] },
  { name: 'biology', nouns: ['gene editing', 'protein folding', 'aging research', 'the immune system', 'synthetic biology', 'neuroscience', 'evolutionary biology', 'drug discovery', 'the microbiome', 'cell biology', 'genomics', 'pandemic preparedness', 'vaccine development', 'brain mapping', 'stem cells', 'cancer research', 'metabolism', 'longevity', 'clinical trials', 'biosecurity', 'epigenetics', 'developmental biology', 'bioinformatics', 'CRISPR', 'mRNA vaccines', 'neural circuits', 'sleep science', 'antibiotic resistance', 'gut health', 'molecular machines'] },
  { name: 'history', nouns: ['the Roman Empire', 'the industrial revolution', 'the Cold War', 'the printing press', 'colonialism', 'the scientific revolution', 'ancient Greece', 'the Silk Road', 'the Ming dynasty', 'world war two', 'the French Revolution', 'the Renaissance', 'medieval Europe', 'the Ottoman Empire', 'state formation', 'military history', 'the Manhattan Project', 'the space race', 'the Meiji restoration', 'agricultural revolution', 'the Byzantine Empire', 'early modern science', 'maritime trade', 'the Great Depression', 'the Enlightenment', 'imperial China', 'the Mongol Empire', 'the Reformation', 'decolonization', 'the Bronze Age collapse'] },
  { name: 'physics', nouns: ['quantum mechanics', 'general relativity', 'particle physics', 'dark matter', 'thermodynamics', 'quantum computing', 'string theory', 'cosmology', 'condensed matter', 'nuclear fusion', 'black holes', 'the standard model', 'superconductivity', 'gravitational waves', 'quantum field theory', 'statistical mechanics', 'the arrow of time', 'dark energy', 'particle accelerators', 'quantum error correction', 'entropy', 'laser physics', 'plasma physics', 'the early universe', 'measurement problem', 'quantum entanglement', 'solid state physics', 'neutrino physics', 'materials science', 'fluid dynamics'] },
  { name: 'geopolitics', nouns: ['US China relations', 'nuclear deterrence', 'export controls', 'Taiwan', 'the European Union', 'great power competition', 'energy security', 'arms control', 'sanctions', 'the Middle East', 'Russia and Ukraine', 'state capacity', 'intelligence agencies', 'alliances', 'semiconductor supply chains', 'national security', 'diplomacy', 'the Indo-Pacific', 'defense spending', 'cyber warfare', 'election security', 'soft power', 'migration policy', 'international institutions', 'military strategy', 'the Belt and Road', 'hegemonic stability', 'proxy wars', 'strategic stability', 'regime change'] },
  { name: 'crypto', nouns: ['Bitcoin', 'Ethereum', 'stablecoins', 'decentralized finance', 'proof of stake', 'smart contracts', 'crypto regulation', 'blockchain scaling', 'zero knowledge proofs', 'crypto exchanges', 'token economics', 'layer two networks', 'self custody', 'mining economics', 'on-chain governance', 'digital identity', 'central bank digital currencies', 'NFT markets', 'crypto security', 'consensus protocols', 'Solana', 'MEV', 'crypto lending', 'the FTX collapse', 'rollups', 'cross-chain bridges', 'prediction markets', 'DAO governance', 'crypto adoption', 'Bitcoin halving'] },
  { name: 'health', nouns: ['exercise physiology', 'nutrition science', 'mental health', 'sleep quality', 'dopamine', 'stress response', 'cardiovascular health', 'strength training', 'fasting', 'hormone health', 'addiction', 'psychedelic therapy', 'depression treatment', 'focus and attention', 'circadian rhythm', 'muscle growth', 'blood sugar', 'cold exposure', 'breathing techniques', 'meditation', 'injury recovery', 'posture', 'endurance training', 'supplements', 'brain health', 'social connection', 'motivation', 'habit formation', 'anxiety', 'longevity protocols'] },
  { name: 'philosophy', nouns: ['moral philosophy', 'consciousness', 'free will', 'effective altruism', 'utilitarianism', 'epistemology', 'personal identity', 'moral uncertainty', 'the meaning of life', 'stoicism', 'existential risk', 'population ethics', 'the simulation argument', 'moral realism', 'philosophy of mind', 'virtue ethics', 'longtermism', 'decision theory', 'rationality', 'the hard problem', 'animal welfare', 'political philosophy', 'liberalism', 'the good life', 'theory of value', 'pluralism', 'moral progress', 'cultural evolution', 'religion', 'wisdom traditions'] },
  { name: 'business', nouns: ['company building', 'product management', 'hiring', 'founder psychology', 'network effects', 'pricing strategy', 'go to market', 'management', 'company culture', 'mergers and acquisitions', 'platform businesses', 'marketing', 'sales', 'competitive moats', 'organizational design', 'remote work', 'capital efficiency', 'IPO markets', 'private equity', 'consumer brands', 'retail', 'software margins', 'enterprise software', 'customer acquisition', 'decision making', 'leadership', 'negotiation', 'incentive design', 'operations', 'board governance'] },
  { name: 'energy', nouns: ['solar power', 'nuclear power', 'battery technology', 'the electric grid', 'oil markets', 'natural gas', 'climate change', 'carbon capture', 'geothermal energy', 'wind power', 'energy storage', 'electric vehicles', 'hydrogen', 'permitting reform', 'transmission lines', 'climate policy', 'energy transition', 'small modular reactors', 'energy prices', 'critical minerals', 'lithium mining', 'data center power', 'heat pumps', 'coal', 'energy efficiency', 'fusion startups', 'grid reliability', 'carbon markets', 'shale oil', 'OPEC'] },
  { name: 'space', nouns: ['reusable rockets', 'Mars colonization', 'satellite internet', 'space telescopes', 'the Moon program', 'orbital mechanics', 'space debris', 'exoplanets', 'space economy', 'launch costs', 'Starship', 'space stations', 'asteroid mining', 'planetary defense', 'the search for life', 'rocket engines', 'space policy', 'lunar bases', 'deep space probes', 'solar system formation', 'astrobiology', 'space manufacturing', 'satellite imaging', 'the Apollo program', 'radio astronomy', 'interstellar travel', 'space suits', 'heat shields', 'in-situ resources', 'Kuiper belt'] },
];

const ADJECTIVES = ['emerging', 'long-term', 'practical', 'hidden', 'early', 'modern', 'global', 'open', 'fundamental', 'underrated', 'hard', 'new', 'unexpected', 'structural', 'historical', 'key', 'recent', 'competing', 'future', 'core'];
const TITLE_TEMPLATES: readonly ((a: string, b: string, adj: string) => string)[] = [
  (a, b) => `${a} and ${b}`,
  (a, b) => `${a} in ${b}`,
  (a, _b, adj) => `${adj} ${a.replace(/^the /, '')}`,
  (a, b) => `role of ${a} in ${b}`,
  (a) => `history of ${a}`,
  (a) => `challenges in ${a}`,
  (a) => `future of ${a}`,
  (a, b) => `${a} vs ${b}`,
  (a, b) => `impact of ${a} on ${b}`,
  (a, b, adj) => `${adj} ${a.replace(/^the /, '')} and ${b}`,
  (a, b) => `${a} and its effect on ${b}`,
  (a) => `criticism of ${a}`,
  (a, b) => `lessons from ${a} for ${b}`,
  (a, _b, adj) => `${adj} approaches to ${a}`,
];
const FIRST_NAMES = ['Joe', 'Dwarkesh', 'Lex', 'Andrew', 'Tyler', 'Sarah', 'Maria', 'David', 'Ben', 'Emily', 'Paul', 'Carl', 'Nadia', 'Sam', 'Julia', 'Marc', 'Noah', 'Priya', 'Kenji', 'Elena', 'Omar', 'Grace', 'Tim', 'Rachel', 'Hugo', 'Ingrid', 'Luis', 'Mei', 'Patrick', 'Zoe'];
const LAST_NAMES = ['Carlsmith', 'Patel', 'Fridman', 'Huberman', 'Cowen', 'Chen', 'Garcia', 'Kim', 'Thompson', 'Okafor', 'Schmidt', 'Nakamura', 'Rossi', 'Novak', 'Singh', 'Haddad', 'Collins', 'Larsen', 'Moreau', 'Alvarez', 'Brennan', 'Ivanova', 'Kowalski', 'Suzuki', 'Dubois', 'Murphy', 'Weber', 'Costa', 'Lindqvist', 'Reyes'];
const ACCENTED_NAMES = ['José Núñez', 'Zoë Müller', 'Renée Dubé', 'Søren Åberg', 'Łukasz Wójcik', 'Ana Conceição', 'François Lefèvre', 'İlkay Güneş'];
const CHANNEL_SUFFIXES = ['', 'Podcast', 'Show', 'FM', 'Talks', 'Lab', 'Hour', 'Daily'];
const SECTION_HEADINGS = ['Understanding {n}', 'The Importance of {n}', 'Scenarios for {n}', 'Challenges in {n}', 'Mitigation Strategies', 'Historical Context', 'Key Arguments', 'Implications for {n}', 'Open Questions', 'The Case for {n}', 'Criticisms and Counterpoints', 'Pathways to {n}', 'Evidence and Examples', 'Looking Ahead'];
const BOLD_LEADS = ['Agency and Planning', 'Power and Control', 'Unanticipated Generalization', 'Testing Limitations', 'Values and Motivations', 'Distributed Power', 'Leverage Current Insights', 'Incentives', 'Feedback Loops', 'Scale', 'Timing', 'Institutions', 'Measurement', 'Costs and Benefits', 'Path Dependence', 'Coordination'];
const CALLOUT_TITLES = ['Conclusion', 'Key takeaway', 'Summary', 'In short', 'Why it matters'];

const SENTENCES: readonly string[] = [
  '{S} highlights that {n} is critical to {m}.',
  'This involves complex challenges, as outlined by {S}, due to the intricacies involved in {n}.',
  'One of the most pressing concerns is the potential for {n} to reshape {m}.',
  '{S} points out that {a} {n} could change how we think about {m}.',
  'The discussion underscores the necessity for sustained efforts in {n}.',
  'In a recent podcast, various facets of {n} were explored, particularly focusing on {m}.',
  "There is much more to explore to ensure that {n} develops in a way that benefits {m}.",
  'Historically, {n} has been shaped by {a} {m} and by the people who studied it.',
  '{S} emphasizes that {n} and {m} are deeply intertwined.',
  'Critics argue that the importance of {n} is overstated, but the evidence on {m} suggests otherwise.',
  'This is especially pertinent as {n} becomes more {a} and more widely discussed.',
  'Understanding {n} requires careful attention to {m} and to the incentives of everyone involved.',
  '{S} remains optimistic about addressing these challenges through careful consideration of {n}.',
  'The goal is to ensure that {n} is beneficial and not harmful, which is harder than it sounds.',
  'It is impractical to test {n} directly in the real world, making it challenging to predict {m}.',
  '{S} discusses a scenario where {n} fails to generalize, leading to outcomes nobody anticipated.',
  'Many strategies for {n} remain under development, and {m} is only one of them.',
  'According to {S}, the {a} view of {n} misses how much depends on {m}.',
  'The conversation turned to {n}, and to what {m} implies for it over the next decade.',
  'Several pathways could lead from {n} to {m}, and each deserves its own analysis.',
];

// ---------------------------------------------------------------------------------------------------------
// Names and link text

/** What the compiler treats as the same name: case, and space/underscore/hyphen runs, ignored. */
export function normalKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

const slug = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
const hyphenSlug = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const titleCaseSlug = (title: string): string => title.split(/[^A-Za-z0-9]+/).filter(Boolean).map(capitalise).join('_');

/** Forms of one name that differ from `base` by more than case, yet share its normalised key. */
function slugVariants(title: string, base: string): string[] {
  const lowerBase = base.toLowerCase();
  const forms = [slug(title), hyphenSlug(title), title, title.toLowerCase(), titleCaseSlug(title), slug(title).replace(/_/g, ' ')];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const form of forms) {
    const lower = form.toLowerCase();
    if (lower === lowerBase || seen.has(lower) || normalKey(form) !== normalKey(base)) continue;
    seen.add(lower);
    result.push(form);
  }
  return result;
}

interface Note {
  /** Vault-relative path with `.md`. */
  path: string;
  title: string;
  /** File name without `.md`. */
  base: string;
  community: number;
  aliases: string[];
}

/** A pool of unique titles (by normalised key) drawn from the themes. */
class TitleMaker {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}
  reserve(name: string): boolean {
    const key = normalKey(name);
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }
  topic(theme: Theme): string {
    for (let attempt = 0; ; attempt++) {
      const a = this.rng.pick(theme.nouns);
      let b = this.rng.pick(theme.nouns);
      if (b === a) b = this.rng.pick(THEMES[this.rng.int(0, THEMES.length - 1)]!.nouns);
      let title = capitalise(this.rng.pick(TITLE_TEMPLATES)(a, b, this.rng.pick(ADJECTIVES)));
      // The combinations run out eventually at very large sizes; a qualifier keeps titles unique.
      if (attempt > 20) title = `${title} ${this.rng.pick(['revisited', 'explained', 'in practice', 'reconsidered', 'part', 'notes'])} ${attempt}`;
      if (this.reserve(title)) return title;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Text

class Writer {
  constructor(private readonly rng: Rng, private readonly stats: VaultStats) {}

  sentence(theme: Theme, speaker: string): string {
    const template = this.rng.pick(SENTENCES);
    return template
      .replace('{S}', speaker)
      .replace('{n}', this.rng.pick(theme.nouns))
      .replace('{m}', this.rng.pick(theme.nouns))
      .replace('{a}', this.rng.pick(ADJECTIVES));
  }

  paragraph(theme: Theme, speaker: string, sentences: number): string {
    const parts: string[] = [];
    for (let i = 0; i < sentences; i++) parts.push(this.sentence(theme, speaker));
    return capitalise(parts.join(' '));
  }

  heading(theme: Theme): string {
    return this.rng.pick(SECTION_HEADINGS).replace('{n}', capitaliseWords(this.rng.pick(theme.nouns)));
  }

  /** A link to note `target` as the wiki writes it: mostly `[[slug | Label]]`. */
  wikiLink(target: Note): string {
    this.stats.links++;
    let written = target.base;
    if (this.rng.chance(1 / 3)) {
      const variants = slugVariants(target.title, target.base);
      if (variants.length > 0) {
        written = this.rng.pick(variants);
        this.stats.variantLinks++;
      }
    }
    return this.pipeForm(written, labelFor(target.title, this.rng));
  }

  wikiGhostLink(title: string): string {
    this.stats.links++;
    this.stats.ghostLinks++;
    return this.pipeForm(this.rng.chance(0.85) ? slug(title) : this.rng.pick([title, hyphenSlug(title)]), labelFor(title, this.rng));
  }

  pipeForm(written: string, label: string): string {
    const r = this.rng.next();
    if (r < 0.85) {
      this.stats.spacedPipeLinks++;
      return `[[${written} | ${label}]]`;
    }
    if (r < 0.92) return `[[${written}|${label}]]`;
    return `[[${written}]]`;
  }
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
const capitaliseWords = (text: string): string => text.split(' ').map(capitalise).join(' ');
const labelFor = (title: string, rng: Rng): string => (rng.chance(0.7) ? title : lowerFirst(title));

function videoId(rng: Rng): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '';
  for (let i = 0; i < 11; i++) id += alphabet[rng.int(0, 63)];
  return id;
}

/** YAML scalar that survives any title: quoted only when needed. */
function yamlString(value: string): string {
  return /^[A-Za-z][A-Za-z0-9 _.()-]*$/.test(value) && !/^(true|false|null|yes|no|on|off)$/i.test(value) ? value : JSON.stringify(value);
}

/** Replace one em dash with classic UTF-8-read-as-1252 mojibake, as in the reference note. */
const mojibake = (text: string): string => text.replace('—', 'â€”');

// ---------------------------------------------------------------------------------------------------------
// The wiki shape (issue 4)

function defaultGiants(options: GenerateOptions): number {
  if (options.giants !== undefined) return options.giants;
  if (options.shape !== 'wiki') return 0;
  return options.notes >= 20_000 ? 5 : options.notes >= 5000 ? 3 : options.notes >= 1000 ? 2 : 0;
}

function* wikiVault(options: GenerateOptions, rng: Rng, stats: VaultStats): Generator<VaultFile> {
  const total = options.notes;
  const giants = Math.min(defaultGiants(options), Math.max(0, total - 2));
  const channelCount = Math.max(1, Math.min(150, Math.max(2, Math.round(total / 170)), total - giants - 1));
  const titles = new TitleMaker(rng);
  const writer = new Writer(rng, stats);

  // Channels: CamelCase names, Zipf-ish sizes.
  const channels: { name: string; indexPath: string; communities: [number, number]; theme: Theme }[] = [];
  const communityCount = Math.max(3, Math.round(total / 300));
  while (channels.length < channelCount) {
    const name = `${rng.pick(FIRST_NAMES)}${rng.pick(LAST_NAMES)}${rng.pick(CHANNEL_SUFFIXES)}`;
    if (!titles.reserve(name)) continue;
    const indexPath = rng.chance(0.5) ? `${name}/index.md` : `${name}/${name}.md`;
    const primary = rng.int(0, communityCount - 1);
    channels.push({ name, indexPath, communities: [primary, rng.int(0, communityCount - 1)], theme: THEMES[primary % THEMES.length]! });
  }
  const channelWeights = channels.map((_c, i) => 1 / (i + 1) ** 0.8);

  // Content notes: episode notes in channel folders (~75%), topic notes in topics/ (~25%).
  const contentCount = total - channelCount - giants;
  const notes: Note[] = [];
  const channelOf: number[] = [];
  const urns = Array.from({ length: communityCount }, () => new Urn());
  const everyone = new Urn();
  for (let i = 0; i < contentCount; i++) {
    const isTopic = rng.chance(0.25);
    const channel = isTopic ? -1 : rng.weighted(channelWeights);
    const community = isTopic ? rng.int(0, communityCount - 1) : channels[channel]!.communities[rng.chance(0.75) ? 0 : 1];
    const title = titles.topic(THEMES[community % THEMES.length]!);
    const style = rng.next();
    const base = style < 0.55 ? slug(title) : style < 0.85 ? title : hyphenSlug(title);
    const folder = isTopic ? 'topics' : channels[channel]!.name;
    notes.push({ path: `${folder}/${base}.md`, title, base, community, aliases: [] });
    channelOf.push(channel);
    // Topic notes start heavier: they are the general hubs that episodes link to.
    urns[community]!.add(i, isTopic ? 3 : 1);
    everyone.add(i, isTopic ? 3 : 1);
  }
  const ghostTitles: string[] = [];
  const ghostUrn = new Urn();
  for (let g = 0; g < Math.max(20, Math.round(total * 0.12)); g++) {
    ghostTitles.push(titles.topic(THEMES[rng.int(0, THEMES.length - 1)]!));
    ghostUrn.add(g);
  }
  const speakers = Array.from({ length: 200 }, () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`);

  /** One link from note `from`: within its community mostly, sometimes anywhere, 8% to a missing note. */
  const linkFrom = (from: number, taken: Set<number>): string => {
    if (rng.chance(0.08)) return writer.wikiGhostLink(ghostTitles[ghostUrn.draw(rng)]!);
    for (let attempt = 0; attempt < 6; attempt++) {
      const pool = rng.chance(0.7) && from >= 0 ? urns[notes[from]!.community]! : everyone;
      const target = pool.draw(rng);
      if (target === from || (taken.has(target) && attempt < 5)) continue;
      taken.add(target);
      return writer.wikiLink(notes[target]!);
    }
    return writer.wikiGhostLink(ghostTitles[ghostUrn.draw(rng)]!);
  };

  for (let i = 0; i < contentCount; i++) {
    const note = notes[i]!;
    const channel = channelOf[i]!;
    const theme = THEMES[note.community % THEMES.length]!;
    const speaker = rng.pick(speakers);
    const linkCount = Math.max(3, Math.min(24, Math.round(8.5 + 3 * rng.normal())));
    const target = rng.size(6900, 0.45, 1800, 45_000);
    const taken = new Set<number>();
    const lines: string[] = [];
    if (channel >= 0) {
      lines.push('---', `title: ${yamlString(note.title)}`, `videoId: ${videoId(rng)}`, '---', '');
      lines.push(`From: [[${channels[channel]!.name}]] <br/> `);
      stats.links++;
    } else {
      lines.push('---', `title: ${yamlString(note.title)}`, `tags: [${theme.name}, topic]`, '---', '');
    }
    const broken = rng.chance(0.05);
    const body = wikiBody(rng, writer, theme, speaker, note.title, linkCount, target, () => linkFrom(i, taken), channel < 0, broken);
    lines.push(body);
    const text = `${lines.join('\n')}\n`;
    yield { path: note.path, content: broken ? mojibake(text) : text };
  }

  // Channel index notes list their episodes.
  for (let c = 0; c < channels.length; c++) {
    const channel = channels[c]!;
    const lines = ['---', `title: ${channel.name}`, 'type: channel', '---', '', `# ${channel.name}`, '', writer.paragraph(channel.theme, channel.name, 3), '', '## Episodes', ''];
    for (let i = 0; i < contentCount; i++) {
      if (channelOf[i] === c) lines.push(`- ${writer.wikiLink(notes[i]!)}`);
    }
    yield { path: channel.indexPath, content: `${lines.join('\n')}\n` };
  }

  for (let g = 0; g < giants; g++) {
    stats.giantNotes++;
    yield giantNote(g, rng, writer, notes, contentCount, linkFrom, channels[g % channels.length]!.name, stats);
  }
}

function wikiBody(
  rng: Rng, writer: Writer, theme: Theme, speaker: string, title: string,
  linkCount: number, targetBytes: number, link: () => string, isTopic: boolean, emDash: boolean,
): string {
  const out: string[] = [];
  let size = 0;
  let linksLeft = linkCount;
  const push = (text: string): void => {
    out.push(text);
    size += text.length + 1;
  };
  const withLink = (text: string): string => (linksLeft > 0 ? (linksLeft--, `${text.replace(/\.$/, '')} ${link()}.`) : text);
  const dash = emDash || rng.chance(0.3) ? ` One of the most pressing questions is ${rng.pick(theme.nouns)}—a topic ${speaker} returns to often.` : '';
  push(`${writer.paragraph(theme, speaker, rng.int(2, 4))}${dash}`);
  push('');
  if (isTopic) {
    push('## Related topics');
    push('');
    const related = Math.min(linksLeft, rng.int(3, 6));
    for (let r = 0; r < related; r++, linksLeft--) push(`- ${link()}`);
    push('');
  }
  // Sections until the note is long enough and every link is placed; keep room for the callout.
  while (size < targetBytes - 700 || linksLeft > 1) {
    push(`## ${writer.heading(theme)}`);
    push('');
    push(withLink(writer.paragraph(theme, speaker, rng.int(3, 6))));
    push('');
    const kind = rng.next();
    if (kind < 0.35) {
      push(`### ${writer.heading(theme)}`);
      push('');
      push(withLink(writer.paragraph(theme, speaker, rng.int(2, 5))));
      push('');
    } else if (kind < 0.65) {
      const items = rng.int(2, 4);
      for (let k = 1; k <= items; k++) {
        push(`${k}. **${rng.pick(BOLD_LEADS)}**: ${withLink(writer.paragraph(theme, speaker, rng.int(1, 3)))}`);
        push('   ');
      }
    } else if (kind < 0.85) {
      const items = rng.int(2, 4);
      for (let k = 0; k < items; k++) {
        push(`- **${rng.pick(BOLD_LEADS)}**: ${withLink(writer.paragraph(theme, speaker, rng.int(1, 3)))}`);
        push('');
      }
    }
  }
  push(`> [!info] ${rng.pick(CALLOUT_TITLES)}`);
  push('> ');
  const closing = writer.sentence(theme, speaker);
  push(`> ${withLink(`The discussion of ${lowerFirst(title)} shows that ${lowerFirst(closing)}`)}`);
  while (linksLeft > 0) push(`> ${withLink(writer.sentence(theme, speaker))}`);
  return out.join('\n');
}

/**
 * ~1 MB notes. Kind 0: a transcript that is one line of ~450,000 characters. Kind 1: a long compendium with
 * thousands of links. Kind 2: a list of up to 10,000 links. Further giants repeat the kinds.
 */
function giantNote(
  index: number, rng: Rng, writer: Writer, notes: Note[], contentCount: number,
  linkFrom: (from: number, taken: Set<number>) => string, channel: string, stats: VaultStats,
): VaultFile {
  const theme = THEMES[index % THEMES.length]!;
  const speaker = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const kind = index % 3;
  const lines: string[] = ['---', `title: Giant note ${index + 1}`, `videoId: ${videoId(rng)}`, '---', ''];
  const taken = new Set<number>();
  let size = 0;
  const push = (text: string): void => {
    lines.push(text);
    size += text.length + 1;
  };
  if (kind === 0) {
    push(`From: [[${channel}]] <br/> `);
    stats.links++;
    push('');
    push('## Transcript');
    push('');
    const line: string[] = [];
    let lineSize = 0;
    while (lineSize < 450_000) {
      const part = rng.chance(0.02) ? linkFrom(-1, taken) : writer.sentence(theme, speaker);
      line.push(part);
      lineSize += part.length + 1;
    }
    push(line.join(' '));
    push('');
    while (size < 1_000_000) {
      push(`## ${writer.heading(theme)}`);
      push('');
      push(writer.paragraph(theme, speaker, 8));
      push('');
    }
    push('> [!info] Summary');
    push('> ');
    push(`> ${writer.sentence(theme, speaker)}`);
  } else if (kind === 1) {
    while (size < 1_000_000) {
      push(`## ${writer.heading(theme)}`);
      push('');
      push(`${writer.paragraph(theme, speaker, 4)} ${linkFrom(-1, taken)}`);
      push('');
    }
  } else {
    push('# Every topic');
    push('');
    const count = Math.min(10_000, contentCount);
    for (let i = 0; i < count; i++) push(`- ${writer.wikiLink(notes[i]!)} — ${writer.sentence(theme, speaker)}`);
  }
  const slugTitle = `giant_note_${index + 1}`;
  return { path: `topics/${slugTitle}.md`, content: `${lines.join('\n')}\n` };
}

// ---------------------------------------------------------------------------------------------------------
// The mixed shape (issue 2)

const MIXED_FOLDERS: readonly { folder: string; weight: number }[] = [
  { folder: '', weight: 35 },
  { folder: 'Projects', weight: 12 },
  { folder: 'Areas', weight: 10 },
  { folder: 'People', weight: 10 },
  { folder: 'Journal/2023', weight: 7 },
  { folder: 'Journal/2024', weight: 8 },
  { folder: 'Reference', weight: 10 },
  { folder: 'Reference/Papers', weight: 8 },
];
const CODE_LANGS = ['ts', 'python', 'bash', 'json', ''];
const CALLOUT_KINDS = ['note', 'tip', 'warning', 'info', 'question', 'example', 'quote'];
const STATUSES = ['draft', 'active', 'done', 'someday'];
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

function* mixedVault(options: GenerateOptions, rng: Rng, stats: VaultStats): Generator<VaultFile> {
  const total = options.notes;
  const titles = new TitleMaker(rng);
  const writer = new Writer(rng, stats);
  const communityCount = Math.max(3, Math.round(total / 200));
  const folderWeights = MIXED_FOLDERS.map((f) => f.weight);
  const notes: Note[] = [];
  const frontmatter: boolean[] = [];
  const urns = Array.from({ length: communityCount }, () => new Urn());
  const everyone = new Urn();
  const journalDays = new Map<string, number>([['Journal/2023', Date.UTC(2023, 0, 1) / 86_400_000], ['Journal/2024', Date.UTC(2024, 0, 1) / 86_400_000]]);
  for (let i = 0; i < total; i++) {
    const folder = MIXED_FOLDERS[rng.weighted(folderWeights)]!.folder;
    const community = rng.int(0, communityCount - 1);
    let title: string;
    if (folder === 'People') {
      do title = rng.chance(0.05) ? `${rng.pick(ACCENTED_NAMES)} ${rng.int(2, 999)}` : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)} ${rng.int(2, 9999)}`;
      while (!titles.reserve(title));
    } else if (folder.startsWith('Journal/')) {
      const day = journalDays.get(folder)!;
      journalDays.set(folder, day + 1);
      title = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (!titles.reserve(title)) title = titles.topic(THEMES[community % THEMES.length]!);
    } else {
      title = titles.topic(THEMES[community % THEMES.length]!);
    }
    // One note in ten has no frontmatter (title from its `# heading` or file name), so no aliases either.
    const hasFrontmatter = rng.chance(0.9);
    const aliases = hasFrontmatter && rng.chance(0.2) ? [titles.topic(THEMES[community % THEMES.length]!)] : [];
    frontmatter.push(hasFrontmatter);
    notes.push({ path: folder ? `${folder}/${title}.md` : `${title}.md`, title, base: title, community, aliases });
    urns[community]!.add(i);
    everyone.add(i);
  }
  const ghostTitles: string[] = [];
  const ghostUrn = new Urn();
  for (let g = 0; g < Math.max(10, Math.round(total * 0.1)); g++) {
    ghostTitles.push(titles.topic(THEMES[rng.int(0, THEMES.length - 1)]!));
    ghostUrn.add(g);
  }
  const attachments = Math.max(1, Math.round(total / 50));

  const pickTarget = (from: number): number => {
    for (let attempt = 0; attempt < 6; attempt++) {
      const target = (rng.chance(0.65) ? urns[notes[from]!.community]! : everyone).draw(rng);
      if (target !== from) return target;
    }
    return (from + 1) % total;
  };
  /** One link in any of the supported forms; ~7% to notes that do not exist. */
  const mixedLink = (from: number, inTable = false): string => {
    stats.links++;
    if (rng.chance(0.07)) {
      stats.ghostLinks++;
      const ghost = ghostTitles[ghostUrn.draw(rng)]!;
      return rng.chance(0.5) ? `[[${ghost}]]` : inTable ? `[[${ghost}\\|${ghost.toLowerCase()}]]` : `[[${ghost} | ${ghost.toLowerCase()}]]`;
    }
    const target = notes[pickTarget(from)]!;
    const t = target.title;
    const pathNoExt = target.path.replace(/\.md$/, '');
    if (inTable) return `[[${t}\\|${labelFor(t, rng)}]]`;
    const r = rng.next();
    if (r < 0.3) return `[[${t}]]`;
    if (r < 0.45) return `[[${t}|${labelFor(t, rng)}]]`;
    if (r < 0.57) {
      stats.spacedPipeLinks++;
      return `[[${t} | ${labelFor(t, rng)}]]`;
    }
    if (r < 0.65) return `[[${t}#${rng.pick(['Overview', 'Details', 'Open questions'])}]]`;
    if (r < 0.68) return `[[${t}#^b${rng.int(100, 999)}]]`;
    if (r < 0.73) return `![[${t}]]`;
    if (r < 0.81) return `[[${pathNoExt}]]`;
    if (r < 0.84) return `[[${t}.md]]`;
    if (r < 0.88) {
      const variants = slugVariants(t, target.base);
      if (variants.length > 0) {
        stats.variantLinks++;
        return `[[${rng.pick(variants)}]]`;
      }
      return `[[${t.toLowerCase()}]]`;
    }
    if (r < 0.92 && target.aliases.length > 0) return `[[${target.aliases[0]!}]]`;
    if (r < 0.96) return `[${labelFor(t, rng)}](${encodeURI(target.path)})`;
    return `[[${t}]]`;
  };

  for (let i = 0; i < total; i++) {
    const note = notes[i]!;
    const theme = THEMES[note.community % THEMES.length]!;
    const speaker = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const linkCount = 3 + Math.floor(17 * rng.next() ** 1.6);
    let linksLeft = linkCount;
    const link = (): string => (linksLeft--, mixedLink(i));
    const targetBytes = rng.size(2600, 0.6, 300, 30_000);
    const out: string[] = [];
    let size = 0;
    const push = (text: string): void => {
      out.push(text);
      size += text.length + 1;
    };
    const tags = [theme.name, ...(rng.chance(0.4) ? [`${theme.name}/${rng.pick(['ideas', 'reading', 'work', 'review'])}`] : [])];
    if (frontmatter[i]) {
      push('---');
      push(`title: ${yamlString(note.title)}`);
      if (rng.chance(0.5)) push(`tags: [${tags.join(', ')}]`);
      else push(`tags:\n${tags.map((tag) => `  - ${tag}`).join('\n')}`);
      if (note.aliases.length > 0) push(`aliases:\n  - ${yamlString(note.aliases[0]!)}`);
      push(`created: ${new Date((Date.UTC(2020, 0, 1) / 86_400_000 + rng.int(0, 1800)) * 86_400_000).toISOString().slice(0, 10)}`);
      if (rng.chance(0.6)) push(`status: ${rng.pick(STATUSES)}`);
      if (rng.chance(0.3)) push(`rating: ${rng.int(1, 5)}`);
      if (rng.chance(0.2)) push(`source: https://example.com/${slug(note.title)}`);
      if (rng.chance(0.1) && linksLeft > 0) {
        linksLeft--;
        stats.links++;
        push(`related: ${JSON.stringify(`[[${notes[pickTarget(i)]!.title}]]`)}`);
      }
      push('---');
      push('');
    }
    if (rng.chance(0.5)) {
      push(`# ${note.title}`);
      push('');
    }
    push(`${writer.paragraph(theme, speaker, rng.int(1, 3))} #${theme.name} ${link()}`);
    push('');
    while (size < targetBytes || linksLeft > 0) {
      const kind = rng.next();
      if (kind < 0.3) {
        push(`## ${rng.pick(['Overview', 'Details', 'Open questions', 'Notes', 'Log', 'References'])}`);
        push('');
        const text = writer.paragraph(theme, speaker, rng.int(2, 5));
        push(linksLeft > 0 ? `${text} See ${link()} and **${rng.pick(theme.nouns)}**. ^b${rng.int(100, 999)}` : text);
        push('');
      } else if (kind < 0.45) {
        const rows = rng.int(2, 5);
        push('| Topic | Link | Score |');
        push('| --- | --- | ---: |');
        for (let r = 0; r < rows; r++) {
          const cell = linksLeft > 0 ? (linksLeft--, mixedLink(i, true)) : '—';
          push(`| ${capitalise(rng.pick(theme.nouns))} | ${cell} | ${rng.int(1, 100)} |`);
        }
        push('');
      } else if (kind < 0.55) {
        const lang = rng.pick(CODE_LANGS);
        push(`\`\`\`${lang}`);
        push(`// [[not a link]] and #not-a-tag inside code`);
        for (let l = rng.int(2, 10); l > 0; l--) push(`const value${l} = compute("${rng.pick(theme.nouns)}", ${rng.int(0, 999)});`);
        push('```');
        push('');
      } else if (kind < 0.68) {
        const fold = rng.pick(['', '', '+', '-']);
        push(`> [!${rng.pick(CALLOUT_KINDS)}]${fold} ${capitaliseWords(rng.pick(theme.nouns))}`);
        push(`> ${writer.sentence(theme, speaker)}${linksLeft > 0 ? ` ${link()}` : ''}`);
        push('');
      } else if (kind < 0.8) {
        for (let k = rng.int(2, 5); k > 0; k--) {
          const task = rng.chance(0.3) ? `[${rng.chance(0.5) ? 'x' : ' '}] ` : '';
          push(`- ${task}${writer.sentence(theme, speaker)}${linksLeft > 0 && rng.chance(0.5) ? ` ${link()}` : ''}${rng.chance(0.15) ? ` #${theme.name}/${rng.pick(['todo', 'idea', 'q'])}` : ''}`);
        }
        push('');
      } else if (kind < 0.84) {
        push(`%% ${writer.sentence(theme, speaker)} [[commented out link]] %%`);
        push('');
      } else if (kind < 0.87) {
        push(`![[attachment-${rng.int(1, attachments)}.png]]`);
        push('');
      } else {
        const text = writer.paragraph(theme, speaker, rng.int(2, 6));
        const extra = rng.chance(0.2) ? ` Read more at [the source](https://example.org/${rng.int(1, 9999)}) or \`inline [[code]]\` #${rng.int(1, 99)}.` : '';
        push(linksLeft > 0 ? `${text} ${link()}${extra}` : `${text}${extra}`);
        push('');
      }
    }
    if (rng.chance(0.05)) {
      stats.links++; // a self-link
      push(`Back to [[#Overview]]. External: [[https://example.com/${slug(note.title)} | web page]].`);
    }
    yield { path: note.path, content: `${out.join('\n')}\n` };
  }
  for (let a = 1; a <= attachments; a++) yield { path: `attachments/attachment-${a}.png`, content: PNG };
}

// ---------------------------------------------------------------------------------------------------------
// Output

export function emptyStats(): VaultStats {
  return { notes: 0, files: 0, bytes: 0, links: 0, ghostLinks: 0, variantLinks: 0, spacedPipeLinks: 0, giantNotes: 0, largestNoteBytes: 0, longestLineChars: 0 };
}

function validate(options: GenerateOptions): void {
  if (!Number.isInteger(options.notes) || options.notes < 10) throw new Error(`notes must be an integer >= 10, got ${options.notes}`);
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  if (!SHAPES.includes(options.shape)) throw new Error(`shape must be one of ${SHAPES.join(', ')}, got ${String(options.shape)}`);
}

/** Every file of the vault, in a fixed order, with statistics filled in as they are produced. */
export function* vaultFiles(options: GenerateOptions, stats: VaultStats = emptyStats()): Generator<VaultFile> {
  validate(options);
  const rng = new Rng(options.seed);
  const files = options.shape === 'wiki' ? wikiVault(options, rng, stats) : mixedVault(options, rng, stats);
  for (const file of files) {
    const bytes = typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.length;
    stats.files++;
    stats.bytes += bytes;
    if (file.path.endsWith('.md')) {
      stats.notes++;
      stats.largestNoteBytes = Math.max(stats.largestNoteBytes, bytes);
      if (typeof file.content === 'string' && bytes > 100_000) {
        for (const line of file.content.split('\n')) stats.longestLineChars = Math.max(stats.longestLineChars, line.length);
      }
    }
    yield file;
  }
}

let generatorHash: string | undefined;
/** Hash of this file: a changed generator invalidates every cached vault. */
export function generatorVersion(): string {
  generatorHash ??= createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
  return generatorHash;
}

export function readStamp(dir: string): VaultStamp | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, STAMP_FILE), 'utf8')) as VaultStamp;
  } catch {
    return undefined;
  }
}

/** True when `dir` holds a complete vault made by this generator with these options. */
export function vaultIsCurrent(dir: string, options: GenerateOptions): boolean {
  const stamp = readStamp(dir);
  return stamp !== undefined && stamp.generator === generatorVersion() && stamp.shape === options.shape
    && stamp.notes === options.notes && stamp.seed === options.seed && stamp.giants === defaultGiants(options);
}

/**
 * Write the vault into `dir`. A folder this generator made before is replaced; any other non-empty folder is
 * refused, so a typo in `--out` never deletes someone's notes.
 */
export async function generateVault(options: GenerateOptions, dir: string): Promise<VaultStamp> {
  validate(options);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(path.join(dir, STAMP_FILE)) && !existsSync(path.join(dir, `${STAMP_FILE}.partial`))) {
      throw new Error(`${dir} is not empty and was not made by bench/generate.ts; refusing to overwrite it.`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  // Marks the folder as ours while writing; the real stamp replaces it when the vault is complete.
  writeFileSync(path.join(dir, `${STAMP_FILE}.partial`), '');
  const stats = emptyStats();
  const made = new Set<string>();
  for (const file of vaultFiles(options, stats)) {
    const folder = path.dirname(file.path);
    if (!made.has(folder)) {
      mkdirSync(path.join(dir, folder), { recursive: true });
      made.add(folder);
    }
    writeFileSync(path.join(dir, file.path), file.content);
  }
  const stamp: VaultStamp = { generator: generatorVersion(), shape: options.shape, notes: options.notes, seed: options.seed, giants: defaultGiants(options), stats };
  writeFileSync(path.join(dir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
  rmSync(path.join(dir, `${STAMP_FILE}.partial`), { force: true });
  return stamp;
}

// ---------------------------------------------------------------------------------------------------------
// Command line

const HELP = `Generate a seeded synthetic vault.

Usage: tsx bench/generate.ts --notes <n> [--seed <n>] [--shape mixed|wiki] [--giants <n>] --out <dir>

  --notes   number of .md notes to write (exact)
  --seed    PRNG seed (default 1); same arguments give byte-identical files
  --shape   mixed (issue 2, default) or wiki (issue 4, the podcast-topic wiki)
  --giants  number of ~1 MB notes (wiki default: 2 at 1k, 3 at 5k+, 5 at 20k+)
  --out     folder to write; replaced if this generator made it, refused if it holds anything else`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      notes: { type: 'string' },
      seed: { type: 'string', default: '1' },
      shape: { type: 'string', default: 'mixed' },
      giants: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.notes || !values.out) {
    process.stdout.write(`${HELP}\n`);
    return values.help ? 0 : 64;
  }
  const options: GenerateOptions = { notes: Number(values.notes), seed: Number(values.seed), shape: values.shape as Shape };
  if (values.giants !== undefined) options.giants = Number(values.giants);
  const started = performance.now();
  const { stats } = await generateVault(options, values.out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${stats.notes} notes (${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB, ${Math.round(stats.bytes / stats.notes)} B/note avg), `
    + `${stats.links} links (${(stats.links / stats.notes).toFixed(1)}/note; ${stats.ghostLinks} to missing notes, ${stats.variantLinks} slug variants, `
    + `${stats.spacedPipeLinks} spaced pipes), ${stats.giantNotes} giants (largest ${(stats.largestNoteBytes / 1e6).toFixed(2)} MB, longest line ${stats.longestLineChars} chars) `
    + `in ${seconds}s -> ${values.out}\n`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
