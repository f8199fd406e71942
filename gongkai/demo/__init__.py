"""The demo county 青山县: a year and more of disclosure work, built through the real services.

```python
from gongkai.demo import load
summary = load()            # does nothing when the demo is already there
summary = load(reset=True)  # removes the demo's records and builds them again
```

Data tables: ``county.py`` (agencies, staff), ``topics.py`` (what is asked, how it is answered),
``people.py`` (fictional applicants). ``plans.py`` decides each case's course, ``cases.py`` walks
it through ``applications.workflow``, ``remedies.py`` adds reconsiderations and lawsuits."""

from .county import DEMO_PASSWORD
from .loader import DemoError, SignIn, Summary, is_loaded, load, remove, sign_ins

__all__ = ["DEMO_PASSWORD", "DemoError", "SignIn", "Summary", "is_loaded", "load", "remove", "sign_ins"]
