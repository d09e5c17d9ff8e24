"""Amendment tooling: what an amendment changes against its base (diff), the baseline of
known findings, the fingerprints that keep a finding's identity, and the git it reads."""
