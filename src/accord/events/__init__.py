"""PLOVER event coding (stage ``analyze``): see docs/events.md.

* :mod:`accord.events.component`: the ``accord_events`` spaCy component (registered on import)
* :mod:`accord.events.rules`, :mod:`accord.events.actors`, :mod:`accord.events.quantity`:
  dependency rules over the PLOVER lexicon (``accord/data/plover_*.tsv``)
* :mod:`accord.events.classifier`: the MiniLM-embedding classifier (weights shipped as npz)
* :mod:`accord.events.combine`: how the two back each other up
* :mod:`accord.events.plover`: PLOVER-style JSON records (``to_plover_records``)
* :mod:`accord.events.gsr`, :mod:`accord.events.training`: gold records and training (scripts)
"""
