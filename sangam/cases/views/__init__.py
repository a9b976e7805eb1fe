"""The case pages: ``survivors`` (register, profile, account, consent) and
``cases`` (one agency's case, its care plan, follow-ups and transfers)."""
