"""Test configuration: Hypothesis profiles (CI=true loads Hypothesis's own ``ci`` profile)."""

import os

from hypothesis import HealthCheck, settings

# In CI, Hypothesis loads its built-in "ci" profile (derandomised, no database); we keep it
# and ask for a few more examples there. Locally, "dev" keeps the suite quick.
settings.register_profile(
    "ci",
    settings.get_profile("ci"),
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
