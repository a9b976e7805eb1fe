"""Compensation pages, one module per part."""
