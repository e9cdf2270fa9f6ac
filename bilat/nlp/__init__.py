"""The Russian NLP stage: natasha's segmenter, morphology, syntax, NER and lemmas.

Models are loaded once per process, on first use (``models()``), so importing
bilat stays cheap and a CLI command that needs no NLP never pays for it.
"""

from bilat.nlp.pipeline import analyse, analyse_many, lemma_among, lemma_of, models, search_terms

__all__ = ["analyse", "analyse_many", "lemma_among", "lemma_of", "models", "search_terms"]
