"""The config.cfg and README.md of a spaCy training folder, sized from the exported data.

Entity labels are learned by `ner` (doc.ents); clause labels (long, may hold entities) by a
`span_finder` that proposes spans from predicted start and end tokens, feeding a `spancat` that
labels them (doc.spans["sc"], clause labels only). A spancat alone must try every n-gram up to
the longest clause: 55 characters made 33 s per update and 7.5 GB on 2 cores.

Plain text, written without spaCy (spaCy 3.8 reads it; tests train with it).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

SPANS_KEY = "sc"
# One evaluation about every epoch (a step is about one report: reports are longer than the batch size),
# within these bounds; training stops after PATIENCE_EVALS evaluations without progress.
EVAL_MIN, EVAL_MAX = 20, 200
PATIENCE_EVALS = 5
# Clause labels come late: on 37 documents the span_finder proposed COMMITMENT only after about 800 steps,
# when ner had long stopped improving; a shorter patience ends training before that.
MIN_PATIENCE = 1600
MAX_STEPS = 20000
MIN_TRAIN_DOCS = 100  # spacy debug data refuses fewer


@dataclass(frozen=True)
class Corpus:
    """What the config and README are sized from."""
    train: int
    dev: int
    entity_labels: tuple[str, ...]
    clause_labels: tuple[str, ...]
    longest_clause: int  # tokens (characters)
    characters: int


def eval_frequency(corpus: Corpus) -> int:
    return max(EVAL_MIN, min(EVAL_MAX, corpus.train))


def patience(corpus: Corpus) -> int:
    return max(MIN_PATIENCE, eval_frequency(corpus) * PATIENCE_EVALS)


def span_finder_max(corpus: Corpus) -> int:
    """The longest span the span_finder proposes: a quarter more than the longest clause seen."""
    return max(corpus.longest_clause + corpus.longest_clause // 4, 4)


def components(corpus: Corpus) -> list[str]:
    return ((["ner"] if corpus.entity_labels or not corpus.clause_labels else [])
            + (["span_finder", "spancat"] if corpus.clause_labels else []))


def _own_tok2vec(section: str) -> str:
    """A small tok2vec of the component's own. Listening to the shared one, the clause components' gradients
    swamped ner's: ents_f stayed 0 after 200 steps where ner alone reached 0.85."""
    return f"""[{section}]
@architectures = "spacy.Tok2Vec.v2"

[{section}.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 64
attrs = ["ORTH"]
rows = [5000]
include_static_vectors = false

[{section}.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 64
window_size = 1
maxout_pieces = 3
depth = 4
"""


NER = """
[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100
incorrect_spans_key = null

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "tok2vec"
"""


def _clauses(corpus: Corpus) -> str:
    return f"""
[components.span_finder]
factory = "span_finder"
spans_key = "{SPANS_KEY}"
threshold = 0.3
min_length = 1
max_length = {span_finder_max(corpus)}

[components.span_finder.model]
@architectures = "spacy.SpanFinder.v1"

[components.span_finder.model.scorer]
@layers = "spacy.LinearLogistic.v1"
nO = 2

{_own_tok2vec("components.span_finder.model.tok2vec")}
[components.spancat]
factory = "spancat"
max_positive = 1
spans_key = "{SPANS_KEY}"
threshold = 0.5

[components.spancat.suggester]
@misc = "spacy.preset_spans_suggester.v1"
spans_key = "{SPANS_KEY}"

[components.spancat.model]
@architectures = "spacy.SpanCategorizer.v1"

[components.spancat.model.reducer]
@layers = "spacy.mean_max_reducer.v1"
hidden_size = 128

[components.spancat.model.scorer]
@layers = "spacy.LinearLogistic.v1"
nO = null
nI = null

{_own_tok2vec("components.spancat.model.tok2vec")}"""


def config_text(corpus: Corpus) -> str:
    """The whole config.cfg."""
    pipe = components(corpus)
    every = eval_frequency(corpus)
    weights = {"ner": {"ents_f": 1.0}, "spancat": {f"spans_{SPANS_KEY}_f": 1.0}}
    chosen = {k: v for c in pipe for k, v in weights.get(c, {}).items()}
    score_weights = "\n".join(f"{k} = {round(v / len(chosen), 2)}" for k, v in chosen.items())
    return f"""# Made by the pairing-assistance annotator for spaCy 3.8 from {corpus.train} training and
# {corpus.dev} dev documents. See README.md beside it for the command.
# [nlp] batch_size is small on purpose: while the span_finder is untrained it proposes many spans, and
# evaluating 64 reports at once took 2.5 GB.
[paths]
train = "train.spacy"
dev = "dev.spacy"
vectors = null
init_tok2vec = null

[system]
gpu_allocator = null
seed = 0

[nlp]
lang = "zh"
pipeline = {json.dumps(["tok2vec", *pipe])}
batch_size = 8
disabled = []
before_creation = null
after_creation = null
after_pipeline_creation = null

[nlp.tokenizer]
@tokenizers = "spacy.zh.ChineseTokenizer"
segmenter = "char"

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = ${{components.tok2vec.model.encode.width}}
attrs = ["ORTH"]
rows = [5000]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3
{NER if "ner" in pipe else ""}{_clauses(corpus) if "spancat" in pipe else ""}
[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = {patience(corpus)}
max_epochs = 0
max_steps = {MAX_STEPS}
eval_frequency = {every}
frozen_components = []
annotating_components = {json.dumps(["span_finder"] if "span_finder" in pipe else [])}
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = false
eps = 1e-08
learn_rate = 0.001

[training.score_weights]
{score_weights}

[pretraining]

[initialize]
vectors = ${{paths.vectors}}
init_tok2vec = ${{paths.init_tok2vec}}
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
pkuseg_model = null
pkuseg_user_dict = "default"
"""


def too_few_line(train: int) -> str:
    return (f"{train} training documents: `spacy debug data` refuses fewer than {MIN_TRAIN_DOCS} "
            "(`spacy train` runs); export more documents or mark more done before checking with it")


README = """# spaCy training data

Made by the pairing-assistance annotator for spaCy 3.8: {train} training and {dev} dev documents
({characters:,} characters). `train.spacy` and `dev.spacy` are DocBins on `spacy.blank("zh")`
(one token per character).

- Entity labels ({entities}) are in `doc.ents`, learned by `ner`. Where entities overlap,
  the longest is kept (doc.ents holds one layer); the others are listed below.
- Clause labels ({clauses}) are in `doc.spans["{key}"]`, entities not repeated there. A `span_finder`
  learns where they start and end (up to {max_length} characters) and a `spancat` labels what it finds.
- Document metadata (our id, file name, date, ...) is in `doc.user_data["meta"]`.
- Relations (SUPPORTS, FUNDS, LEADS, ...) are in `doc._.rel` once `Doc.set_extension("rel", default={{}})`
  has run (the DocBin keeps them in `doc.user_data[("._.", "rel", None, None)]`), as spaCy's relation-extraction
  tutorial (`projects/tutorials/rel_component`) reads them: `{{(head_start, tail_start): {{"SUPPORTS": 1.0}}}}`,
  the first token of each span; only positive pairs are listed (the tutorial takes the others as 0.0), and
  only between spans written above. Its model pairs entities of `doc.ents`: FUNDS to a COMMITMENT is there too.

## Train

    python -m spacy train config.cfg --output model

Measured on 2 CPU cores: 200 steps on 136 short reports (69,000 characters) took 25 s and 1.2 GB;
time grows with the number of characters. Entities are found within a few hundred steps; clause
labels take longer (on 37 reports the span_finder proposed COMMITMENT after about 800 steps, F 0.74
at 1,200). Training stops when the dev score has not improved for {patience} steps (an evaluation
every {every} steps), or after `--training.max_steps N`. The best model is `model/model-best`.

## Use the model

    import spacy
    nlp = spacy.load("model/model-best")
    doc = nlp("浙江省对口支援四川省，投入资金二百万元。")
    print([(e.text, e.label_) for e in doc.ents], [(s.text, s.label_) for s in doc.spans.get("{key}", [])])

or bring its predictions back as suggestions: `annotator suggest --model model/model-best`.

## Check the data

    python -m spacy debug data config.cfg

{debug_data}
## Spans not written ({n_left_out})

No span is trimmed or widened to fit; these were left out:

{left_out}
"""


def readme_text(corpus: Corpus, left_out: list[str]) -> str:
    return README.format(
        train=corpus.train, dev=corpus.dev, characters=corpus.characters,
        entities=", ".join(corpus.entity_labels) or "none", clauses=", ".join(corpus.clause_labels) or "none",
        key=SPANS_KEY, max_length=span_finder_max(corpus),
        patience=patience(corpus), every=eval_frequency(corpus),
        debug_data=(too_few_line(corpus.train) + ".\n") if corpus.train < MIN_TRAIN_DOCS else "",
        n_left_out=len(left_out),
        left_out="\n".join(f"    {line}" for line in ["document\tlabel\tstart\tend\ttext\twhy", *left_out])
        if left_out else "none")
