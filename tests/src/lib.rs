//! Shared helpers for Anlauf's end-to-end tests and benchmarks.
