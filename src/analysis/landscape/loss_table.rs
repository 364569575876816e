//! Each training sample's loss on a `weights2d` plane as a function of the one hidden output the
//! plane moves, tabulated. The two parameters of first-layer unit u change nothing downstream
//! but through u's output h, which a bounded activation keeps in its range, so each sample's loss
//! is a smooth function f_s(h) there. Evaluated once at 257 evenly spaced knots (on a 2-8-8-1
//! network about as much work as 257 nodes of the grid), it is interpolated at every node by the
//! cubic through the four nearest knots: a node then costs u's weighted sum and activation per
//! sample, and a cubic, instead of every layer after the first. The table is made only where the
//! cubics' error, estimated from the knots' fourth differences, stays below a millionth of the
//! losses (else the nodes run the layers).

use crate::math::Real;

/// Intervals between the knots, over the activation's range.
const INTERVALS: usize = 256;
/// Most training samples a table is made for: it holds 254 cubics of 4 f32 per sample (8 MB at
/// this many), and a wasm module's memory, once grown, stays that large.
const MOST_SAMPLES: usize = 2048;
/// The largest interpolation error a table may have, relative to 1 + the sample's loss.
const TOLERANCE: f64 = 1e-6;

/// The samples' losses as cubics in h, and room for their values at one node.
pub(super) struct LossTable {
    /// The lower end of the activation's range, and knots per unit of h.
    lo: f32,
    per_step: f32,
    /// Per sample, per interval i of 1 … INTERVALS − 2: the coefficients (c₀, c₁, c₂, c₃) of the
    /// cubic through knots i − 1 … i + 2 in u = (h − hᵢ)/step (u in [−1, 2] at the ends).
    cubics: Vec<[f32; 4]>,
    /// The samples' losses at the last node.
    losses: Vec<f32>,
}

impl LossTable {
    /// Whether a grid of `nodes` nodes is worth a table (its knots cost as much as 257 nodes).
    pub(super) fn worthwhile(nodes: usize) -> bool {
        nodes >= 2 * (INTERVALS + 1)
    }

    /// The table over `range` of `n` samples, from `losses_at(h, out)`, which writes every
    /// sample's loss where u's output is h; None for more than [`MOST_SAMPLES`], where a loss is
    /// not finite, or where a cubic could miss by more than the tolerance.
    pub(super) fn new((lo, hi): (f64, f64), n: usize, mut losses_at: impl FnMut(f32, &mut [f32])) -> Option<LossTable> {
        if n > MOST_SAMPLES {
            return None;
        }
        let step = (hi - lo) / INTERVALS as f64;
        let mut knots = vec![0.0; (INTERVALS + 1) * n];
        for (k, losses) in knots.chunks_exact_mut(n.max(1)).enumerate() {
            losses_at((lo + k as f64 * step) as f32, losses);
        }
        if !knots.iter().all(|loss| loss.is_finite()) {
            return None;
        }
        let mut cubics = vec![[0.0; 4]; n * (INTERVALS - 2)];
        let mut f = vec![0.0; INTERVALS + 1];
        for (s, sample_cubics) in cubics.chunks_exact_mut(INTERVALS - 2).enumerate() {
            for (f, &loss) in f.iter_mut().zip(knots.iter().skip(s).step_by(n)) {
                *f = loss as f64;
            }
            // The cubic's error is about |f⁗|·step⁴/24 at most, and a fourth difference about
            // f⁗·step⁴.
            for w in f.windows(5) {
                let fourth = w[0] - 4.0 * w[1] + 6.0 * w[2] - 4.0 * w[3] + w[4];
                if fourth.abs() / 16.0 > TOLERANCE * (1.0 + w[2].abs()) {
                    return None;
                }
            }
            // Intervals 1 … INTERVALS − 2, each from knots i − 1 … i + 2.
            for (cubic, w) in sample_cubics.iter_mut().zip(f.windows(4)) {
                let [f0, f1, f2, f3] = [w[0], w[1], w[2], w[3]];
                let c1 = -f0 / 3.0 - f1 / 2.0 + f2 - f3 / 6.0;
                let c2 = (f0 + f2) / 2.0 - f1;
                let c3 = (f3 - f0) / 6.0 + (f1 - f2) / 2.0;
                *cubic = [f1, c1, c2, c3].map(|c| c as f32);
            }
        }
        let per_step = (INTERVALS as f64 / (hi - lo)) as f32;
        Some(LossTable { lo: lo as f32, per_step, cubics, losses: vec![0.0; n] })
    }

    /// The mean loss of the samples where u's outputs are `h`, one per sample (NaN where one is).
    pub(super) fn mean_loss(&mut self, h: &[f32]) -> f64 {
        let cubics = self.cubics.chunks_exact(INTERVALS - 2);
        for ((loss, &h), cubics) in self.losses.iter_mut().zip(h).zip(cubics) {
            let t = (h - self.lo) * self.per_step;
            // `as` saturates (NaN to 0): the index stays in range whatever h is.
            let i = (t as usize).clamp(1, INTERVALS - 2);
            let u = t - i as f32;
            let [c0, c1, c2, c3] = cubics[i - 1];
            *loss = c0 + u * (c1 + u * (c2 + u * c3));
        }
        f32::sum_in_f64(&self.losses) / self.losses.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Losses of three samples as smooth functions of h in (−1, 1), like a cross-entropy of a
    /// tanh layer's output.
    fn smooth(s: usize, h: f64) -> f64 {
        let z = 1.5 * (s as f64 + 1.0) * (h + 0.2 * s as f64).tanh() - 0.3;
        (1.0 + (-z).exp()).ln()
    }

    #[test]
    fn cubics_through_the_knots_interpolate_smooth_losses_to_f32_accuracy() {
        let table = LossTable::new((-1.0, 1.0), 3, |h, losses| {
            for (s, loss) in losses.iter_mut().enumerate() {
                *loss = smooth(s, h as f64) as f32;
            }
        });
        let mut table = table.expect("smooth losses are tabulated");
        // Between the knots, on them, and at both ends (where the end cubics reach one knot
        // further), each sample's value; NaN makes the mean NaN.
        for h in [-1.0f32, -0.9987, -0.3, 0.0, 0.123_456, 0.7, 0.9991, 1.0] {
            for s in 0..3 {
                let mut h_all = [0.0f32; 3];
                h_all[s] = h;
                let exact: f64 = (0..3).map(|t| smooth(t, h_all[t] as f64)).sum::<f64>() / 3.0;
                let interpolated = table.mean_loss(&h_all);
                assert!((interpolated - exact).abs() < 3e-7 * exact, "h {h}, sample {s}: {interpolated} vs {exact}");
            }
        }
        assert!(table.mean_loss(&[0.0, f32::NAN, 0.0]).is_nan());
    }

    #[test]
    fn losses_too_steep_for_the_cubics_or_not_finite_are_not_tabulated() {
        let steep = LossTable::new((-1.0, 1.0), 2, |h, losses| {
            losses[0] = h;
            losses[1] = (1.0 + (-400.0 * h).exp()).ln(); // a kink 1/200 wide at 0
        });
        assert!(steep.is_none());
        let overflowed = LossTable::new((0.0, 1.0), 1, |h, losses| losses[0] = if h > 0.5 { f32::INFINITY } else { h });
        assert!(overflowed.is_none());
        assert!(LossTable::new((0.0, 1.0), MOST_SAMPLES + 1, |_, losses| losses.fill(0.5)).is_none());
    }
}
