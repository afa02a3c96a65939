//! Pipeline benchmarks: replaced by the divan suite.

fn main() {}
