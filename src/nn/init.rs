//! Weight initializations. Biases always start at 0; each scheme draws the weights of one
//! layer from its fan-in n_in and fan-out n_out, multiplied by the config's `initScale`.

use crate::math::rng::SeededRng;

crate::config::choices! {
    /// How the initial weights are drawn.
    pub enum Init {
        /// U(±√(6/(n_in+n_out))) · initScale (Xavier/Glorot uniform; suits tanh).
        Xavier = "xavier",
        /// N(0, 2/(n_in+n_out)) · initScale (Xavier/Glorot normal).
        XavierNormal = "xavierNormal",
        /// N(0, 2/n_in) · initScale (He; suits ReLU).
        He = "he",
        /// N(0, 1/n_in) · initScale (LeCun; suits the sigmoid).
        Lecun = "lecun",
        /// N(0, 1) · initScale.
        Normal = "normal",
        /// U(−1, 1) · initScale.
        Uniform = "uniform",
        /// Every weight 0: all units of a layer stay identical forever (symmetry never breaks).
        Zeros = "zeros",
        /// Every weight = initScale.
        Constant = "constant",
        /// W[j, i] = initScale if i = j, else 0 (c·I; the deep linear toy of the lecture).
        Identity = "identity",
    }
}

impl Init {
    /// The variance of one weight drawn by this scheme with `scale` = initScale
    /// (for `Constant`, `Zeros` and `Identity` the weights are not random: 0).
    pub fn variance(self, n_in: usize, n_out: usize, scale: f64) -> f64 {
        let (n_in, n_out) = (n_in as f64, n_out as f64);
        let unit = match self {
            Init::Zeros | Init::Constant | Init::Identity => 0.0,
            Init::Uniform => 1.0 / 3.0,
            Init::Normal => 1.0,
            Init::Lecun => 1.0 / n_in,
            Init::Xavier | Init::XavierNormal => 2.0 / (n_in + n_out),
            Init::He => 2.0 / n_in,
        };
        unit * scale * scale
    }

    /// Fills `weights` (one layer, n_out × n_in) with draws from this scheme.
    pub fn fill(self, weights: &mut [f64], n_in: usize, n_out: usize, scale: f64, rng: &mut SeededRng) {
        let std_dev = self.variance(n_in, n_out, scale).sqrt();
        for (k, w) in weights.iter_mut().enumerate() {
            *w = match self {
                Init::Zeros => 0.0,
                Init::Constant => scale,
                Init::Identity => {
                    if k / n_in == k % n_in {
                        scale
                    } else {
                        0.0
                    }
                }
                Init::Uniform => rng.uniform(-1.0, 1.0) * scale,
                Init::Xavier => {
                    let limit = (6.0 / (n_in + n_out) as f64).sqrt() * scale;
                    rng.uniform(-limit, limit)
                }
                Init::Normal | Init::Lecun | Init::XavierNormal | Init::He => std_dev * rng.normal(),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_variance(init: Init, n_in: usize, n_out: usize) -> f64 {
        let mut rng = SeededRng::new(7, 0);
        let mut w = vec![0.0; 200_000];
        init.fill(&mut w, n_in, n_out, 1.0, &mut rng);
        let mean = w.iter().sum::<f64>() / w.len() as f64;
        w.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / w.len() as f64
    }

    #[test]
    fn random_schemes_draw_with_their_stated_variance() {
        for init in [Init::Uniform, Init::Normal, Init::Lecun, Init::Xavier, Init::XavierNormal, Init::He] {
            let expected = init.variance(50, 30, 1.0);
            let got = sample_variance(init, 50, 30);
            assert!((got / expected - 1.0).abs() < 0.02, "{init:?}: {got} vs {expected}");
        }
    }

    #[test]
    fn deterministic_schemes() {
        let mut rng = SeededRng::new(1, 0);
        let mut w = vec![1.0; 6];
        Init::Constant.fill(&mut w, 3, 2, 0.5, &mut rng);
        assert!(w.iter().all(|&x| x == 0.5));
        Init::Zeros.fill(&mut w, 3, 2, 0.5, &mut rng);
        assert!(w.iter().all(|&x| x == 0.0));
        Init::Identity.fill(&mut w, 3, 2, 1.5, &mut rng);
        assert_eq!(w, [1.5, 0.0, 0.0, 0.0, 1.5, 0.0]);
    }
}
