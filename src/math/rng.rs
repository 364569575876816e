//! The seeded random source: one generator type for data, initial weights and mini-batch order,
//! so the same seed gives the same run natively and in the browser.

use super::chacha::ChaCha12;
use rand::rand_core::block::BlockRng;
use rand::{Rng, SeedableRng};

/// A seed no one chose: from the operating system natively, from the Web Crypto API
/// (`crypto.getRandomValues`) in a browser or Node. Without either (a JS host without `crypto`)
/// it is 1, the default seed, rather than an error: a run without a seed may repeat, never fail.
pub fn fresh_seed() -> u32 {
    getrandom::u32().unwrap_or(1)
}

/// A reproducible, platform-independent random generator: ChaCha12, the stream of rand's
/// `StdRng` (`chacha.rs`).
pub struct SeededRng(BlockRng<ChaCha12>);

impl SeededRng {
    /// A generator for one purpose (`stream`) of a run with seed `seed`; different streams of
    /// the same seed are independent, so changing the architecture leaves the data unchanged.
    pub fn new(seed: u32, stream: u32) -> Self {
        SeededRng(BlockRng::seed_from_u64(((stream as u64) << 32) | seed as u64))
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        self.0.random::<f64>()
    }

    /// Uniform in [lo, hi).
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Standard normal N(0, 1) by the Box–Muller transform.
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.unit(); // in (0, 1], so the log is finite
        let u2 = self.unit();
        (-2.0 * libm::log(u1)).sqrt() * libm::cos(std::f64::consts::TAU * u2)
    }

    /// Fisher–Yates shuffle in place.
    pub fn shuffle(&mut self, items: &mut [usize]) {
        for i in (1..items.len()).rev() {
            // Sampled as u32 so 32-bit wasm and 64-bit native draw the same numbers.
            let j = self.0.random_range(0..=i as u32) as usize;
            items.swap(i, j);
        }
    }

    /// `k` distinct indices of 0..n (all of them when k ≥ n), in increasing order.
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut items: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = self.0.random_range(i as u32..n as u32) as usize;
            items.swap(i, j);
        }
        let mut chosen = vec![false; n];
        for &i in &items[..k] {
            chosen[i] = true;
        }
        (0..n).filter(|&i| chosen[i]).collect()
    }
}
