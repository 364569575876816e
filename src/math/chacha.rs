//! ChaCha with 12 rounds (D. J. Bernstein's stream cipher) as the core of a block random source:
//! the generator of rand's `StdRng`, reproduced word for word (same seed, same stream; a test
//! compares them), written as plain loops over one block at a time. rand's own form, unrolled
//! over four blocks for SIMD that wasm does not get from it, was the module's largest function.

use rand::rand_core::block::BlockRngCore;
use rand::SeedableRng;

/// Words of one block.
const BLOCK: usize = 16;
/// Blocks per refill: four, as rand's, which decides where a 64-bit draw straddles two refills.
const BLOCKS: usize = 4;
/// "expand 32-byte k", the constant first row.
const SIGMA: [u32; 4] = [0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574];
/// The key and the position in the stream (the stream id is 0).
#[derive(Debug, Clone)]
pub struct ChaCha12 {
    key: [u32; 8],
    block: u64,
}

/// One refill: four blocks of output words.
#[derive(Debug, Clone)]
pub struct Refill([u32; BLOCK * BLOCKS]);

impl Default for Refill {
    fn default() -> Self {
        Refill([0; BLOCK * BLOCKS])
    }
}

impl AsRef<[u32]> for Refill {
    fn as_ref(&self) -> &[u32] {
        &self.0
    }
}

impl AsMut<[u32]> for Refill {
    fn as_mut(&mut self) -> &mut [u32] {
        &mut self.0
    }
}

impl BlockRngCore for ChaCha12 {
    type Item = u32;
    type Results = Refill;

    /// The next four blocks: each the input state (constants, key, block counter, stream id)
    /// plus what six double rounds make of it.
    fn generate(&mut self, results: &mut Refill) {
        for out in results.0.chunks_exact_mut(BLOCK) {
            let mut input = [0; BLOCK];
            input[..4].copy_from_slice(&SIGMA);
            input[4..12].copy_from_slice(&self.key);
            (input[12], input[13]) = (self.block as u32, (self.block >> 32) as u32);
            let mut x = input;
            for _ in 0..6 {
                // A column round, then a diagonal round; constant indices keep x in registers.
                quarter_round(&mut x, [0, 4, 8, 12]);
                quarter_round(&mut x, [1, 5, 9, 13]);
                quarter_round(&mut x, [2, 6, 10, 14]);
                quarter_round(&mut x, [3, 7, 11, 15]);
                quarter_round(&mut x, [0, 5, 10, 15]);
                quarter_round(&mut x, [1, 6, 11, 12]);
                quarter_round(&mut x, [2, 7, 8, 13]);
                quarter_round(&mut x, [3, 4, 9, 14]);
            }
            for ((out, x), input) in out.iter_mut().zip(x).zip(input) {
                *out = x.wrapping_add(input);
            }
            self.block = self.block.wrapping_add(1);
        }
    }
}

/// ChaCha's quarter round on words a, b, c, d of the state.
#[inline(always)]
fn quarter_round(x: &mut [u32; BLOCK], [a, b, c, d]: [usize; 4]) {
    x[a] = x[a].wrapping_add(x[b]);
    x[d] = (x[d] ^ x[a]).rotate_left(16);
    x[c] = x[c].wrapping_add(x[d]);
    x[b] = (x[b] ^ x[c]).rotate_left(12);
    x[a] = x[a].wrapping_add(x[b]);
    x[d] = (x[d] ^ x[a]).rotate_left(8);
    x[c] = x[c].wrapping_add(x[d]);
    x[b] = (x[b] ^ x[c]).rotate_left(7);
}

impl SeedableRng for ChaCha12 {
    type Seed = [u8; 32];

    /// The key from the seed's bytes, little-endian words; the stream starts at block 0.
    fn from_seed(seed: [u8; 32]) -> Self {
        let mut key = [0; 8];
        for (word, bytes) in key.iter_mut().zip(seed.chunks_exact(4)) {
            *word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        }
        ChaCha12 { key, block: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rand_core::block::BlockRng;
    use rand::rngs::StdRng;
    use rand::{Rng, RngCore};

    #[test]
    fn the_stream_is_that_of_rands_std_rng() {
        for seed in [0, 1, 42, u32::MAX as u64, (7 << 32) | 12345, u64::MAX] {
            let (mut ours, mut theirs) = (BlockRng::<ChaCha12>::seed_from_u64(seed), StdRng::seed_from_u64(seed));
            // Words, 64-bit draws across refills, floats and ranges, interleaved.
            for i in 0..3000u32 {
                match i % 4 {
                    0 => assert_eq!(ours.next_u32(), theirs.next_u32(), "seed {seed}, draw {i}"),
                    1 => assert_eq!(ours.next_u64(), theirs.next_u64(), "seed {seed}, draw {i}"),
                    2 => assert_eq!(ours.random::<f64>().to_bits(), theirs.random::<f64>().to_bits()),
                    _ => assert_eq!(ours.random_range(0..=i), theirs.random_range(0..=i)),
                }
            }
        }
    }
}
