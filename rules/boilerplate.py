"""Placeholder until this rule family lands: registers nothing."""
